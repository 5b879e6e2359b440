# cooperatesWith (symmetric): every two parties (agents or participants) of talks, an agreement or cooperation
# that happened (not one only planned or expected, bkg:eventStatus).
# Each edge also gets a reified bkg:DerivedEdge node (edge:<hash of the subject, relation and object IRIs>) that
# names the events it was derived from, so `borderkg why` can trace it to its sources.
PREFIX bkg: <https://w3id.org/borderkg/ontology#>
PREFIX edge: <https://w3id.org/borderkg/id/edge/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

INSERT {
  ?a bkg:cooperatesWith ?b .
  ?edge a bkg:DerivedEdge ; rdf:subject ?a ; rdf:predicate bkg:cooperatesWith ; rdf:object ?b ;
        bkg:derivedFrom ?e ; bkg:derivedBy "40-cooperates-with.ru" .
}
WHERE {
  ?e a/rdfs:subClassOf* ?root .
  VALUES ?root { bkg:Talks bkg:Agreement bkg:Cooperation }
  ?e bkg:agent|bkg:participant ?a .
  ?e bkg:agent|bkg:participant ?b .
  FILTER(?a != ?b)
  FILTER NOT EXISTS { ?e bkg:eventStatus ?status . FILTER(?status != bkg:Happened) }
  BIND(IRI(CONCAT(STR(edge:), SUBSTR(SHA256(CONCAT(STR(?a), " ", STR(bkg:cooperatesWith), " ", STR(?b))), 1, 32))) AS ?edge)
}
