# urges: the speaker of an appeal (including calls for restraint) urges its target.
# Each edge also gets a reified bkg:DerivedEdge node (edge:<hash of the subject, relation and object IRIs>) that
# names the events it was derived from, so `borderkg why` can trace it to its sources.
PREFIX bkg: <https://w3id.org/borderkg/ontology#>
PREFIX edge: <https://w3id.org/borderkg/id/edge/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

INSERT {
  ?a bkg:urges ?b .
  ?edge a bkg:DerivedEdge ; rdf:subject ?a ; rdf:predicate bkg:urges ; rdf:object ?b ;
        bkg:derivedFrom ?e ; bkg:derivedBy "34-urges.ru" .
}
WHERE {
  ?e a/rdfs:subClassOf* bkg:Appeal ; bkg:agent ?a ; bkg:target ?b .
  FILTER(?a != ?b)
  BIND(IRI(CONCAT(STR(edge:), SUBSTR(SHA256(CONCAT(STR(?a), " ", STR(bkg:urges), " ", STR(?b))), 1, 32))) AS ?edge)
}
