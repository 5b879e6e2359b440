//! GraphML for yEd, Cytoscape, networkx, igraph and Gephi: `edgedefault="directed"`, one `<edge>`
//! per tie (parallel edges kept), and a `<key>` for every node and edge attribute.

use std::io::{self, Write};

use petgraph::visit::EdgeRef;

use super::tie::TieFacts;
use super::xml::{empty, end, start, text};
use super::GraphWriter;
use crate::projection::ActorNetwork;

/// Namespace of GraphML.
pub const GRAPHML_NS: &str = "http://graphml.graphdrawing.org/xmlns";

/// Keys: id, domain, name, type. Ids are unique across domains, names are what tools show.
const KEYS: [(&str, &str, &str, &str); 13] = [
    ("label", "node", "label", "string"),
    ("iri", "node", "iri", "string"),
    ("class", "node", "class", "string"),
    ("edge_label", "edge", "label", "string"),
    ("relation", "edge", "relation", "string"),
    ("weight", "edge", "weight", "double"),
    ("certainty", "edge", "certainty", "int"),
    ("standing", "edge", "standing", "string"),
    ("disputed", "edge", "disputed", "boolean"),
    ("first_date", "edge", "first_date", "string"),
    ("last_date", "edge", "last_date", "string"),
    ("supports", "edge", "supports", "string"),
    ("sources", "edge", "sources", "string"),
];

/// Writes GraphML.
#[derive(Debug, Clone, Copy, Default)]
pub struct GraphMl;

impl GraphWriter for GraphMl {
    fn write(&self, network: &ActorNetwork, out: &mut dyn Write) -> io::Result<()> {
        let g = &network.graph;
        // GraphML ids are NMTOKENs: compact names are, `<iri>` fallbacks are not and become `nN`.
        let ids: Vec<String> = g
            .node_indices()
            .map(|n| {
                let id = &g[n].id;
                if is_nmtoken(id) {
                    id.clone()
                } else {
                    format!("n{}", n.index())
                }
            })
            .collect();

        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        start(
            out,
            0,
            "graphml",
            &[
                ("xmlns", GRAPHML_NS),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                (
                    "xsi:schemaLocation",
                    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
                ),
            ],
        )?;
        for (id, domain, name, kind) in KEYS {
            empty(
                out,
                2,
                "key",
                &[
                    ("id", id),
                    ("for", domain),
                    ("attr.name", name),
                    ("attr.type", kind),
                ],
            )?;
        }
        start(out, 2, "graph", &[("id", "actors"), ("edgedefault", "directed")])?;
        for n in g.node_indices() {
            let actor = &g[n];
            start(out, 4, "node", &[("id", &ids[n.index()])])?;
            data(
                out,
                &[
                    ("label", &actor.label),
                    ("iri", &actor.iri),
                    ("class", &actor.class),
                ],
            )?;
            end(out, 4, "node")?;
        }
        for e in g.edge_references() {
            let tie = e.weight();
            let f = TieFacts::new(network, tie);
            let id = format!("e{}", e.id().index());
            let attrs = [
                ("id", id.as_str()),
                ("source", ids[e.source().index()].as_str()),
                ("target", ids[e.target().index()].as_str()),
            ];
            start(out, 4, "edge", &attrs)?;
            data(
                out,
                &[
                    ("edge_label", &tie.relation),
                    ("relation", &tie.relation),
                    ("weight", &f.weight()),
                    ("certainty", &tie.certainty.to_string()),
                    ("standing", &f.standing),
                    ("disputed", if tie.disputed { "true" } else { "false" }),
                    ("first_date", tie.first_date.as_deref().unwrap_or_default()),
                    ("last_date", tie.last_date.as_deref().unwrap_or_default()),
                    ("supports", &f.supports),
                    ("sources", &f.sources),
                ],
            )?;
            end(out, 4, "edge")?;
        }
        end(out, 2, "graph")?;
        end(out, 0, "graphml")
    }
}

/// `<data key="…">value</data>` for the non-empty values.
fn data(out: &mut dyn Write, values: &[(&str, &str)]) -> io::Result<()> {
    for (key, value) in values.iter().filter(|(_, v)| !v.is_empty()) {
        text(out, 6, "data", &[("key", key)], value)?;
    }
    Ok(())
}

/// Whether `s` is an XML NMTOKEN (restricted to the name characters below U+0300 and the
/// letters above it, which is all compact names use).
fn is_nmtoken(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '\u{b7}'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph_export::fixture;

    #[test]
    fn graphml_snapshot() {
        insta::assert_snapshot!(fixture::render(&GraphMl), @r#"
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="iri" for="node" attr.name="iri" attr.type="string"/>
  <key id="class" for="node" attr.name="class" attr.type="string"/>
  <key id="edge_label" for="edge" attr.name="label" attr.type="string"/>
  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="certainty" for="edge" attr.name="certainty" attr.type="int"/>
  <key id="standing" for="edge" attr.name="standing" attr.type="string"/>
  <key id="disputed" for="edge" attr.name="disputed" attr.type="boolean"/>
  <key id="first_date" for="edge" attr.name="first_date" attr.type="string"/>
  <key id="last_date" for="edge" attr.name="last_date" attr.type="string"/>
  <key id="supports" for="edge" attr.name="supports" attr.type="string"/>
  <key id="sources" for="edge" attr.name="sources" attr.type="string"/>
  <graph id="actors" edgedefault="directed">
    <node id="id:taliban">
      <data key="label">Taliban &quot;Islamic Emirate&quot; &amp; &lt;co&gt;</data>
      <data key="iri">https://w3id.org/borderkg/id/taliban</data>
      <data key="class">bkg:ArmedGroup</data>
    </node>
    <node id="id:afghanistan">
      <data key="label">Afghanistan&#10;line two&#9;end</data>
      <data key="iri">https://w3id.org/borderkg/id/afghanistan</data>
      <data key="class">bkg:State</data>
    </node>
    <node id="id:nowhere">
      <data key="label">Nowhere \ land</data>
      <data key="iri">https://w3id.org/borderkg/id/nowhere</data>
    </node>
    <edge id="e0" source="id:taliban" target="id:afghanistan">
      <data key="edge_label">bkg:controls</data>
      <data key="relation">bkg:controls</data>
      <data key="weight">2</data>
      <data key="certainty">5</data>
      <data key="standing">reported</data>
      <data key="disputed">false</data>
      <data key="first_date">2012</data>
      <data key="last_date">2021-08</data>
      <data key="supports">ev:takeover ev:raid</data>
      <data key="sources">003#5</data>
    </edge>
    <edge id="e1" source="id:taliban" target="id:afghanistan">
      <data key="edge_label">bkg:attacked</data>
      <data key="relation">bkg:attacked</data>
      <data key="weight">1</data>
      <data key="certainty">2</data>
      <data key="standing">alleged</data>
      <data key="disputed">true</data>
      <data key="first_date">--11-26</data>
      <data key="last_date">--11-26</data>
      <data key="supports">ev:clash</data>
      <data key="sources">003#5</data>
    </edge>
    <edge id="e2" source="id:afghanistan" target="id:nowhere">
      <data key="edge_label">bkg:borders</data>
      <data key="relation">bkg:borders</data>
      <data key="weight">1</data>
      <data key="certainty">5</data>
      <data key="standing">reported</data>
      <data key="disputed">false</data>
    </edge>
  </graph>
</graphml>
        "#);
    }

    #[test]
    fn bracketed_names_are_not_ids() {
        assert!(is_nmtoken("id:taliban"));
        assert!(is_nmtoken("ev:kavo-clash_2.b"));
        assert!(!is_nmtoken("<http://example.org/a/b>"));
        assert!(!is_nmtoken("a b"));
        assert!(!is_nmtoken(""));
    }
}
