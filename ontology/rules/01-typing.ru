# Types the nodes that data files write as nested blank nodes, from the range of the property that
# points at them, so that shapes can check them: attestations, casualty figures and measurements.
PREFIX bkg: <https://w3id.org/borderkg/ontology#>

INSERT { ?a a bkg:Attestation } WHERE { ?x bkg:attestedBy ?a . } ;
INSERT { ?c a bkg:CasualtyFigure } WHERE { ?x bkg:casualties ?c . } ;
INSERT { ?m a bkg:Measurement } WHERE { ?x bkg:measurement|bkg:populationShare ?m . }
