# deniesClaimOf: the speaker of a denial rejects a claim made by ?b (the speaker of the denied statement, a claimant of the denied event, or the speaker of a statement asserting it).
# Each edge also gets a reified bkg:DerivedEdge node (edge:<hash of the subject, relation and object IRIs>) that
# names the events it was derived from, so `borderkg why` can trace it to its sources.
PREFIX bkg: <https://w3id.org/borderkg/ontology#>
PREFIX edge: <https://w3id.org/borderkg/id/edge/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

INSERT {
  ?a bkg:deniesClaimOf ?b .
  ?edge a bkg:DerivedEdge ; rdf:subject ?a ; rdf:predicate bkg:deniesClaimOf ; rdf:object ?b ;
        bkg:derivedFrom ?e ; bkg:derivedBy "32-denies-claim-of.ru" .
}
WHERE {
  ?e a/rdfs:subClassOf* bkg:Denial ; bkg:agent ?a ; bkg:denies ?claim .
  { ?claim a/rdfs:subClassOf* bkg:SpeechAct ; bkg:agent ?b }
  UNION { ?claim bkg:attestedBy/bkg:claimant ?b }
  UNION { ?speech bkg:asserts ?claim ; bkg:agent ?b }
  FILTER(?a != ?b)
  BIND(IRI(CONCAT(STR(edge:), SUBSTR(SHA256(CONCAT(STR(?a), " ", STR(bkg:deniesClaimOf), " ", STR(?b))), 1, 32))) AS ?edge)
}
