# The subclass closure of the classes, as plain triples: each class is bkg:kindOf itself and of every
# class above it. A query then asks `?e a/bkg:kindOf bkg:Event`, or for the most specific class
# `FILTER NOT EXISTS { ?e a ?sub . ?sub bkg:kindOf ?class . FILTER(?sub != ?class) }`, with no
# transitive path at query time: some SPARQL engines (Virtuoso 7.2) evaluate rdfs:subClassOf* wrongly
# inside OPTIONAL, UNION and FILTER NOT EXISTS, and every engine answers a plain triple faster.
PREFIX bkg: <https://w3id.org/borderkg/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

INSERT { ?class bkg:kindOf ?above }
WHERE {
  { ?class a owl:Class } UNION { ?class rdfs:subClassOf ?parent }
  ?class rdfs:subClassOf* ?above .
  FILTER(isIRI(?class) && isIRI(?above))
}
