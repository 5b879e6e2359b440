# Materialises the plain triple of every reified fact (bkg:Fact), so that queries can ask
# ?place bkg:locatedIn ?province directly while the fact node keeps its sources and period.
PREFIX bkg: <https://w3id.org/borderkg/ontology#>
PREFIX edge: <https://w3id.org/borderkg/id/edge/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

INSERT { ?s ?p ?o }
WHERE { ?f a bkg:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . }
