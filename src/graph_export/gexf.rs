//! GEXF 1.3 for Gephi. Ties become `type="directed"` edges whose `kind` is the relation, so Gephi
//! keeps parallel ties of different relations apart; a tie with dated evidence carries the days it
//! covers (`start`/`end`, or `<spells>` when its supports are dated apart), and then the graph is
//! `mode="dynamic"` with `timeformat="date"` so Gephi's timeline can filter it. Ties without a year
//! in their evidence carry no interval and stay visible at every time.

use std::io::{self, Write};

use petgraph::visit::EdgeRef;

use super::tie::TieFacts;
use super::xml::{empty, end, escape, start, text, token};
use super::GraphWriter;
use crate::projection::ActorNetwork;

/// Namespace of GEXF 1.3.
pub const GEXF_NS: &str = "http://gexf.net/1.3";

/// Node attributes: id (also the title), GEXF type.
const NODE_ATTRIBUTES: [(&str, &str); 2] = [("iri", "string"), ("class", "string")];

/// Edge attributes beyond the edge's own `label`, `kind` and `weight`.
const EDGE_ATTRIBUTES: [(&str, &str); 8] = [
    ("relation", "string"),
    ("certainty", "integer"),
    ("standing", "string"),
    ("disputed", "boolean"),
    ("first_date", "string"),
    ("last_date", "string"),
    ("supports", "string"),
    ("sources", "string"),
];

/// Writes GEXF 1.3.
#[derive(Debug, Clone, Copy, Default)]
pub struct Gexf;

impl GraphWriter for Gexf {
    fn write(&self, network: &ActorNetwork, out: &mut dyn Write) -> io::Result<()> {
        let g = &network.graph;
        let facts: Vec<TieFacts<'_>> = g.edge_weights().map(|t| TieFacts::new(network, t)).collect();
        let dynamic = facts.iter().any(|f| !f.spells.is_empty());

        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        start(
            out,
            0,
            "gexf",
            &[
                ("xmlns", GEXF_NS),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                (
                    "xsi:schemaLocation",
                    "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
                ),
                ("version", "1.3"),
            ],
        )?;
        start(out, 2, "meta", &[])?;
        text(out, 4, "creator", &[], "borderkg")?;
        let description = format!(
            "Actor network projected from the borderkg knowledge graph; relations: {}",
            network.relations.join(", ")
        );
        text(out, 4, "description", &[], &description)?;
        end(out, 2, "meta")?;
        let mut graph_attrs = vec![("defaultedgetype", "directed"), ("idtype", "string")];
        if dynamic {
            graph_attrs.extend([("mode", "dynamic"), ("timeformat", "date")]);
        } else {
            graph_attrs.push(("mode", "static"));
        }
        start(out, 2, "graph", &graph_attrs)?;
        declare(out, "node", &NODE_ATTRIBUTES)?;
        declare(out, "edge", &EDGE_ATTRIBUTES)?;

        start(out, 4, "nodes", &[("count", &g.node_count().to_string())])?;
        for n in g.node_indices() {
            let actor = &g[n];
            start(
                out,
                6,
                "node",
                &[("id", &actor.id), ("label", &token(&actor.label))],
            )?;
            attvalues(out, &[("iri", &actor.iri), ("class", &actor.class)])?;
            end(out, 6, "node")?;
        }
        end(out, 4, "nodes")?;

        start(out, 4, "edges", &[("count", &g.edge_count().to_string())])?;
        for (e, f) in g.edge_references().zip(&facts) {
            write_edge(out, network, e, f)?;
        }
        end(out, 4, "edges")?;
        end(out, 2, "graph")?;
        end(out, 0, "gexf")
    }
}

fn write_edge(
    out: &mut dyn Write,
    network: &ActorNetwork,
    e: petgraph::graph::EdgeReference<'_, crate::projection::Tie>,
    f: &TieFacts<'_>,
) -> io::Result<()> {
    let g = &network.graph;
    let tie = e.weight();
    let (id, weight, relation) = (format!("e{}", e.id().index()), f.weight(), token(&tie.relation));
    let mut attrs = vec![
        ("id", id.as_str()),
        ("source", g[e.source()].id.as_str()),
        ("target", g[e.target()].id.as_str()),
        ("type", "directed"),
        ("kind", relation.as_str()),
        ("label", relation.as_str()),
        ("weight", weight.as_str()),
    ];
    if let [only] = f.spells.as_slice() {
        attrs.extend([("start", only.start.as_str()), ("end", only.end.as_str())]);
    }
    start(out, 6, "edge", &attrs)?;
    let certainty = tie.certainty.to_string();
    attvalues(
        out,
        &[
            ("relation", &tie.relation),
            ("certainty", &certainty),
            ("standing", &f.standing),
            ("disputed", if tie.disputed { "true" } else { "false" }),
            ("first_date", tie.first_date.as_deref().unwrap_or_default()),
            ("last_date", tie.last_date.as_deref().unwrap_or_default()),
            ("supports", &f.supports),
            ("sources", &f.sources),
        ],
    )?;
    if f.spells.len() > 1 {
        start(out, 8, "spells", &[])?;
        for s in &f.spells {
            empty(out, 10, "spell", &[("start", &s.start), ("end", &s.end)])?;
        }
        end(out, 8, "spells")?;
    }
    end(out, 6, "edge")
}

/// `<attributes class="…">` with one `<attribute>` per (id, type); the title is the id.
fn declare(out: &mut dyn Write, class: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
    start(out, 4, "attributes", &[("class", class)])?;
    for (id, kind) in attributes {
        empty(out, 6, "attribute", &[("id", id), ("title", id), ("type", kind)])?;
    }
    end(out, 4, "attributes")
}

/// `<attvalues>` with the non-empty values.
fn attvalues(out: &mut dyn Write, values: &[(&str, &str)]) -> io::Result<()> {
    writeln!(out, "{:8}<attvalues>", "")?;
    for (key, value) in values.iter().filter(|(_, v)| !v.is_empty()) {
        writeln!(
            out,
            "{:10}<attvalue for=\"{key}\" value=\"{}\"/>",
            "",
            escape(value)
        )?;
    }
    writeln!(out, "{:8}</attvalues>", "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph_export::fixture;

    #[test]
    fn gexf_snapshot() {
        insta::assert_snapshot!(fixture::render(&Gexf), @r#"
<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta>
    <creator>borderkg</creator>
    <description>Actor network projected from the borderkg knowledge graph; relations: bkg:attacked, bkg:borders, bkg:controls</description>
  </meta>
  <graph defaultedgetype="directed" idtype="string" mode="dynamic" timeformat="date">
    <attributes class="node">
      <attribute id="iri" title="iri" type="string"/>
      <attribute id="class" title="class" type="string"/>
    </attributes>
    <attributes class="edge">
      <attribute id="relation" title="relation" type="string"/>
      <attribute id="certainty" title="certainty" type="integer"/>
      <attribute id="standing" title="standing" type="string"/>
      <attribute id="disputed" title="disputed" type="boolean"/>
      <attribute id="first_date" title="first_date" type="string"/>
      <attribute id="last_date" title="last_date" type="string"/>
      <attribute id="supports" title="supports" type="string"/>
      <attribute id="sources" title="sources" type="string"/>
    </attributes>
    <nodes count="3">
      <node id="id:taliban" label="Taliban &quot;Islamic Emirate&quot; &amp; &lt;co&gt;">
        <attvalues>
          <attvalue for="iri" value="https://w3id.org/borderkg/id/taliban"/>
          <attvalue for="class" value="bkg:ArmedGroup"/>
        </attvalues>
      </node>
      <node id="id:afghanistan" label="Afghanistan line two end">
        <attvalues>
          <attvalue for="iri" value="https://w3id.org/borderkg/id/afghanistan"/>
          <attvalue for="class" value="bkg:State"/>
        </attvalues>
      </node>
      <node id="id:nowhere" label="Nowhere \ land">
        <attvalues>
          <attvalue for="iri" value="https://w3id.org/borderkg/id/nowhere"/>
        </attvalues>
      </node>
    </nodes>
    <edges count="3">
      <edge id="e0" source="id:taliban" target="id:afghanistan" type="directed" kind="bkg:controls" label="bkg:controls" weight="2">
        <attvalues>
          <attvalue for="relation" value="bkg:controls"/>
          <attvalue for="certainty" value="5"/>
          <attvalue for="standing" value="reported"/>
          <attvalue for="disputed" value="false"/>
          <attvalue for="first_date" value="2012"/>
          <attvalue for="last_date" value="2021-08"/>
          <attvalue for="supports" value="ev:takeover ev:raid"/>
          <attvalue for="sources" value="003#5"/>
        </attvalues>
        <spells>
          <spell start="2012-01-01" end="2012-12-31"/>
          <spell start="2021-08-01" end="2021-08-31"/>
        </spells>
      </edge>
      <edge id="e1" source="id:taliban" target="id:afghanistan" type="directed" kind="bkg:attacked" label="bkg:attacked" weight="1">
        <attvalues>
          <attvalue for="relation" value="bkg:attacked"/>
          <attvalue for="certainty" value="2"/>
          <attvalue for="standing" value="alleged"/>
          <attvalue for="disputed" value="true"/>
          <attvalue for="first_date" value="--11-26"/>
          <attvalue for="last_date" value="--11-26"/>
          <attvalue for="supports" value="ev:clash"/>
          <attvalue for="sources" value="003#5"/>
        </attvalues>
      </edge>
      <edge id="e2" source="id:afghanistan" target="id:nowhere" type="directed" kind="bkg:borders" label="bkg:borders" weight="1">
        <attvalues>
          <attvalue for="relation" value="bkg:borders"/>
          <attvalue for="certainty" value="5"/>
          <attvalue for="standing" value="reported"/>
          <attvalue for="disputed" value="false"/>
        </attvalues>
      </edge>
    </edges>
  </graph>
</gexf>
        "#);
    }
}
