//! Turns the shared network flags into a projection of the store.

use crate::query::Kb;
use anyhow::Context;

use crate::cli::NetworkArgs;
use crate::error::Error;
use crate::projection::{project, ActorNetwork, ProjectionConfig};
use crate::read::network as read;
use crate::terms::resolve_iri;
use crate::vocab::BKG;

/// Warns on standard error when no triple uses `relation`, naming the used predicates closest to it.
fn warn_if_unused(store: &dyn Kb, relation: &str) -> anyhow::Result<()> {
    let node = oxigraph::model::NamedNode::new(relation)?;
    if read::is_used(store, &node)? {
        return Ok(());
    }
    let used = read::predicates(store)?;
    let wanted = crate::vocab::compact(relation);
    let mut close: Vec<(f64, String)> = used
        .into_iter()
        .map(|p| (strsim::jaro_winkler(&wanted, &p), p))
        .collect();
    close.sort_by(|a, b| b.0.total_cmp(&a.0));
    let names: Vec<String> = close.into_iter().take(3).map(|(_, p)| p).collect();
    #[expect(
        clippy::print_stderr,
        reason = "a warning beside the report, which still runs"
    )]
    {
        eprintln!(
            "warning: no triple uses {wanted}, so it adds no tie; the closest relations in the store are {}",
            names.join(", ")
        );
    }
    Ok(())
}

/// Projects the store as the flags say.
pub fn projected(store: &dyn Kb, args: &NetworkArgs) -> anyhow::Result<ActorNetwork> {
    let relations = args
        .relations
        .iter()
        .map(|r| resolve_iri(store, r, "--relations").map(|n| n.as_str().to_owned()))
        .collect::<Result<Vec<_>, _>>()?;
    for relation in &relations {
        warn_if_unused(store, relation)?;
    }
    let min_certainty = match &args.min_certainty {
        None => 0,
        Some(name) => standing_rank(store, name)?,
    };
    let also = if args.origins {
        vec![format!("{BKG}originatedFrom")]
    } else {
        Vec::new()
    };
    let config = ProjectionConfig {
        relations,
        also,
        weighting: args.weight,
        from: args.from.clone(),
        to: args.to.clone(),
        min_certainty,
        exclude_disputed: args.exclude_disputed,
        include_candidates: args.candidates,
    };
    let network = project(store, &config).context("projecting the store onto the actor network")?;
    match &args.actor {
        None => Ok(network),
        Some(name) => {
            let iri = resolve_iri(store, name, "--actor")?;
            let center = network.find(iri.as_str()).ok_or_else(|| {
                Error::Parameter(format!(
                    "--actor {name}: it has no tie in the chosen network (check --relations and the filters)"
                ))
            })?;
            Ok(network.ego(center, args.radius))
        }
    }
}

/// The certainty rank of the standing labelled `name`, read from the ontology in the store.
fn standing_rank(store: &dyn Kb, name: &str) -> anyhow::Result<u8> {
    let mut known = Vec::new();
    for standing in read::standings(store)? {
        if standing.label.eq_ignore_ascii_case(name) {
            return Ok(standing.rank);
        }
        known.push(standing.label);
    }
    Err(Error::Parameter(format!(
        "--min-certainty `{name}`: not a standing in this store; use one of {}",
        known.join(", ")
    ))
    .into())
}
