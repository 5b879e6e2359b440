"""Reads the W3C result formats from a running `borderkg serve` with SPARQLWrapper, the client many
analysts' scripts use. Usage: sparqlwrapper_check.py URL  (e.g. http://127.0.0.1:7878).

Without SPARQLWrapper it says SKIPPED and exits 0, except in CI (CI set), where it fails."""

import csv
import io
import os
import sys

try:
    from SPARQLWrapper import CSV, JSON, XML, POST, SPARQLWrapper
except ImportError:
    if os.environ.get("CI"):
        sys.exit("SPARQLWrapper is missing (pip install SPARQLWrapper)")
    print("SKIPPED: SPARQLWrapper is not installed")
    sys.exit(0)

QUERY = """
PREFIX bkg: <https://w3id.org/borderkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?event ?label WHERE { ?event a bkg:DroneStrike ; rdfs:label ?label } ORDER BY ?event
"""


def endpoint(url, fmt, method=None):
    sparql = SPARQLWrapper(url.rstrip("/") + "/sparql")
    sparql.setQuery(QUERY)
    sparql.setReturnFormat(fmt)
    if method:
        sparql.setMethod(method)
    return sparql.query()


def main(url):
    bindings = endpoint(url, JSON).convert()["results"]["bindings"]
    events = [b["event"]["value"] for b in bindings]
    assert events, "the seed graph has drone strikes"

    document = endpoint(url, XML).convert()
    xml_events = [
        node.firstChild.firstChild.nodeValue
        for node in document.getElementsByTagName("binding")
        if node.getAttribute("name") == "event"
    ]
    assert xml_events == events, (xml_events, events)

    text = endpoint(url, CSV).convert().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["event"] for r in rows] == events, rows

    posted = endpoint(url, JSON, POST).convert()["results"]["bindings"]
    assert [b["event"]["value"] for b in posted] == events

    print(f"SPARQLWrapper read {len(events)} rows as JSON, XML and CSV, by GET and POST")


if __name__ == "__main__":
    main(sys.argv[1])
