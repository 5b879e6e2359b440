"""Validates each SHACL fixture with pySHACL, an independent validator, and prints one line per
fixture: its file name, then "conforms" or the sorted focus nodes that have results.

The shapes are the fixture's ontology graph; the data are its default graph plus the ontology
graph, as borderkg's build checks them."""
import sys
from pathlib import Path

from pyshacl import validate
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SH

ONTOLOGY = URIRef("https://w3id.org/borderkg/graph/ontology")

for path in sorted(Path(sys.argv[1]).glob("*.trig")):
    dataset = Dataset()
    dataset.parse(path, format="trig")
    shapes = Graph()
    for triple in dataset.graph(ONTOLOGY):
        shapes.add(triple)
    data = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        data.add((s, p, o))
    conforms, results, _ = validate(data, shacl_graph=shapes, advanced=False, inference="none")
    nodes = sorted({str(n) for n in results.objects(None, SH.focusNode)})
    print(path.name, "conforms" if conforms else " ".join(nodes))
