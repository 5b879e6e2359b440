//! Node and edge tables for spreadsheets, pandas, R and Gephi's spreadsheet import: `nodes.csv`
//! (`id,iri,label,class`) and `edges.csv`, whose `source` and `target` are the nodes' `id`s.

use std::io::{self, Write};

use petgraph::visit::EdgeRef;

use super::tie::TieFacts;
use crate::projection::ActorNetwork;

/// Name of the node table.
pub const NODES_FILE: &str = "nodes.csv";

/// Name of the edge table.
pub const EDGES_FILE: &str = "edges.csv";

const NODE_HEADER: [&str; 4] = ["id", "iri", "label", "class"];

const EDGE_HEADER: [&str; 11] = [
    "source",
    "target",
    "relation",
    "weight",
    "certainty",
    "standing",
    "disputed",
    "first_date",
    "last_date",
    "supports",
    "sources",
];

/// Writes the node table: one row per actor, in graph order.
///
/// # Errors
/// A failed write.
pub fn write_nodes_csv(network: &ActorNetwork, out: &mut dyn Write) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(NODE_HEADER)?;
    for a in network.graph.node_weights() {
        w.write_record([&a.id, &a.iri, &a.label, &a.class])?;
    }
    w.flush()
}

/// Writes the edge table: one row per tie, in graph order; `supports` and `sources` are
/// space-separated lists, dates are as the evidence gives them (`2021-08`, `--11-26`).
///
/// # Errors
/// A failed write.
pub fn write_edges_csv(network: &ActorNetwork, out: &mut dyn Write) -> io::Result<()> {
    let g = &network.graph;
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(EDGE_HEADER)?;
    for e in g.edge_references() {
        let tie = e.weight();
        let f = TieFacts::new(network, tie);
        w.write_record([
            g[e.source()].id.as_str(),
            g[e.target()].id.as_str(),
            &tie.relation,
            &f.weight(),
            &tie.certainty.to_string(),
            &f.standing,
            if tie.disputed { "true" } else { "false" },
            tie.first_date.as_deref().unwrap_or_default(),
            tie.last_date.as_deref().unwrap_or_default(),
            &f.supports,
            &f.sources,
        ])?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph_export::fixture;

    fn render(f: fn(&ActorNetwork, &mut dyn Write) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(&fixture::network(), &mut out).expect("writes to memory");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn nodes_csv_snapshot() {
        insta::assert_snapshot!(render(write_nodes_csv), @r#"
id,iri,label,class
id:taliban,https://w3id.org/borderkg/id/taliban,"Taliban ""Islamic Emirate"" & <co>",bkg:ArmedGroup
id:afghanistan,https://w3id.org/borderkg/id/afghanistan,"Afghanistan
line two	end",bkg:State
id:nowhere,https://w3id.org/borderkg/id/nowhere,Nowhere \ land,
        "#);
    }

    #[test]
    fn edges_csv_snapshot() {
        insta::assert_snapshot!(render(write_edges_csv), @r#"
source,target,relation,weight,certainty,standing,disputed,first_date,last_date,supports,sources
id:taliban,id:afghanistan,bkg:controls,2,5,reported,false,2012,2021-08,ev:takeover ev:raid,003#5
id:taliban,id:afghanistan,bkg:attacked,1,2,alleged,true,--11-26,--11-26,ev:clash,003#5
id:afghanistan,id:nowhere,bkg:borders,1,5,reported,false,,,,
        "#);
    }

    #[test]
    fn tables_read_back() {
        let nodes = render(write_nodes_csv);
        let mut r = ::csv::Reader::from_reader(nodes.as_bytes());
        let labels: Vec<String> = r
            .records()
            .map(|rec| rec.expect("record")[2].to_owned())
            .collect();
        assert_eq!(
            labels,
            fixture::network()
                .graph
                .node_weights()
                .map(|a| a.label.clone())
                .collect::<Vec<_>>()
        );
        let edges = render(write_edges_csv);
        assert_eq!(::csv::Reader::from_reader(edges.as_bytes()).records().count(), 3);
    }
}
