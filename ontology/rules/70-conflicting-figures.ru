# conflictsWith: two measurements of the same quantity of the same thing that differ are marked as
# conflicting, in both directions. Both are kept with their sources.
PREFIX bkg: <https://w3id.org/borderkg/ontology#>
PREFIX edge: <https://w3id.org/borderkg/id/edge/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

INSERT { ?m1 bkg:conflictsWith ?m2 }
WHERE {
  ?thing bkg:measurement ?m1, ?m2 .
  ?m1 bkg:quantity ?q ; bkg:value ?v1 .
  ?m2 bkg:quantity ?q ; bkg:value ?v2 .
  FILTER(?v1 != ?v2)
}
