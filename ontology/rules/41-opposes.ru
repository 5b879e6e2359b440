# opposes: a state that refuses to recognise a government opposes it. Other opposition is stated as facts (rule 00).
# Each edge also gets a reified bkg:DerivedEdge node (edge:<hash of the subject, relation and object IRIs>) that
# names the events it was derived from, so `borderkg why` can trace it to its sources.
PREFIX bkg: <https://w3id.org/borderkg/ontology#>
PREFIX edge: <https://w3id.org/borderkg/id/edge/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

INSERT {
  ?a bkg:opposes ?b .
  ?edge a bkg:DerivedEdge ; rdf:subject ?a ; rdf:predicate bkg:opposes ; rdf:object ?b ;
        bkg:derivedFrom ?e ; bkg:derivedBy "41-opposes.ru" .
}
WHERE {
  ?e a/rdfs:subClassOf* bkg:NonRecognition ; bkg:agent ?a ; bkg:target ?b .
  FILTER(?a != ?b)
  BIND(IRI(CONCAT(STR(edge:), SUBSTR(SHA256(CONCAT(STR(?a), " ", STR(bkg:opposes), " ", STR(?b))), 1, 32))) AS ?edge)
}
