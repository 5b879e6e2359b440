# clashedWith (symmetric): the parties to a clash, in both directions.
# Each edge also gets a reified bkg:DerivedEdge node (edge:<hash of the subject, relation and object IRIs>) that
# names the events it was derived from, so `borderkg why` can trace it to its sources.
PREFIX bkg: <https://w3id.org/borderkg/ontology#>
PREFIX edge: <https://w3id.org/borderkg/id/edge/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

INSERT {
  ?a bkg:clashedWith ?b .
  ?edge a bkg:DerivedEdge ; rdf:subject ?a ; rdf:predicate bkg:clashedWith ; rdf:object ?b ;
        bkg:derivedFrom ?e ; bkg:derivedBy "12-clashed-with.ru" .
}
WHERE {
  ?e a/rdfs:subClassOf* bkg:Clash .
  { ?e bkg:agent ?a ; bkg:target ?b } UNION { ?e bkg:target ?a ; bkg:agent ?b }
  UNION { ?e bkg:agent ?a, ?b } UNION { ?e bkg:participant ?a, ?b }
  FILTER(?a != ?b)
  BIND(IRI(CONCAT(STR(edge:), SUBSTR(SHA256(CONCAT(STR(?a), " ", STR(bkg:clashedWith), " ", STR(?b))), 1, 32))) AS ?edge)
}
