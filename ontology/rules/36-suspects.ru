# suspects: the speaker of an attribution names ?b as a suspected perpetrator.
# Each edge also gets a reified bkg:DerivedEdge node (edge:<hash of the subject, relation and object IRIs>) that
# names the events it was derived from, so `borderkg why` can trace it to its sources.
PREFIX bkg: <https://w3id.org/borderkg/ontology#>
PREFIX edge: <https://w3id.org/borderkg/id/edge/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

INSERT {
  ?a bkg:suspects ?b .
  ?edge a bkg:DerivedEdge ; rdf:subject ?a ; rdf:predicate bkg:suspects ; rdf:object ?b ;
        bkg:derivedFrom ?e ; bkg:derivedBy "36-suspects.ru" .
}
WHERE {
  ?e a/rdfs:subClassOf* bkg:Attribution ; bkg:agent ?a ; bkg:attributedTo ?b .
  FILTER(?a != ?b)
  BIND(IRI(CONCAT(STR(edge:), SUBSTR(SHA256(CONCAT(STR(?a), " ", STR(bkg:suspects), " ", STR(?b))), 1, 32))) AS ?edge)
}
