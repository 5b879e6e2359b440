//! End-to-end tests of the dataset importers on the hand-written fixtures in
//! `tests/fixtures/import/`: exact quads, HXL rows, archives, bad rows, reconciliation and
//! re-import idempotence.

use std::path::{Path, PathBuf};

use borderkg::import::{
    open, quads, CuratedPlace, Dataset, ImportError, Layout, Mapper, NameKind, PlaceLevel, Reconciler,
    RowError, Taxonomy, ACTOR_ALIASES,
};
use oxrdf::Quad;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The curated graph's labels and places, as the main crate reads them from the store.
fn reconciler() -> Reconciler {
    let labels = read("labels.tsv");
    let labels = labels
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(i, l)| (i.to_owned(), l.to_owned()));
    let places: Vec<CuratedPlace> = read("curated-places.tsv")
        .lines()
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            CuratedPlace {
                iri: f[0].to_owned(),
                label: f[1].to_owned(),
                country: (f[2] != "-").then(|| f[2].to_owned()),
                level: Some(match f[3] {
                    "admin1" => PlaceLevel::Admin1,
                    "admin2" => PlaceLevel::Admin2,
                    _ => PlaceLevel::Location,
                }),
                point: None,
            }
        })
        .collect();
    Reconciler::new(ACTOR_ALIASES, labels)
        .unwrap_or_else(|e| panic!("{e}"))
        .with_places(places.into_iter())
}

struct Imported {
    quads: Vec<Quad>,
    errors: Vec<RowError>,
    detected: Vec<(String, Layout, bool)>,
    reconciler: Reconciler,
}

fn import(name: &str, forced: Option<Dataset>) -> Imported {
    let taxonomy = Taxonomy::load().unwrap_or_else(|e| panic!("{e}"));
    let mut reconciler = reconciler();
    let (mut all, mut errors, mut detected) = (Vec::new(), Vec::new(), Vec::new());
    {
        let mut mapper = Mapper::new(&mut reconciler, &taxonomy);
        for reader in open(&fixture(name), forced).unwrap_or_else(|e| panic!("{e}")) {
            detected.push((reader.name().to_owned(), reader.layout(), reader.hxl()));
            for row in quads(reader, &mut mapper) {
                match row {
                    Ok(q) => all.extend(q),
                    Err(e) => errors.push(e),
                }
            }
        }
    }
    Imported {
        quads: all,
        errors,
        detected,
        reconciler,
    }
}

fn sorted_nquads(quads: &[Quad]) -> Vec<String> {
    let mut lines: Vec<String> = quads.iter().map(|q| format!("{q} .")).collect();
    lines.sort();
    lines.dedup();
    lines
}

/// Compares to `expected/<name>.nq`; with `UPDATE_EXPECTED=1` rewrites it instead (review the diff).
fn assert_expected(quads: &[Quad], expected: &str) {
    let got = sorted_nquads(quads).join("\n") + "\n";
    let path = fixture(&format!("expected/{expected}"));
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&path, &got).unwrap_or_else(|e| panic!("{e}"));
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if got != want {
        let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
        let extra: Vec<&&str> = g.iter().filter(|l| !w.contains(l)).collect();
        let missing: Vec<&&str> = w.iter().filter(|l| !g.contains(l)).collect();
        panic!("{expected} differs\nunexpected: {extra:#?}\nmissing: {missing:#?}");
    }
}

fn has(quads: &[Quad], s: &str, p: &str, o: &str) -> bool {
    quads
        .iter()
        .any(|q| q.subject.to_string() == s && format!("{}", q.predicate) == p && q.object.to_string() == o)
}

const EV: &str = "https://w3id.org/borderkg/id/event/";
const ID: &str = "https://w3id.org/borderkg/id/";
const BKG: &str = "https://w3id.org/borderkg/ontology#";

#[test]
fn ucdp_rows_map_to_the_expected_quads() {
    let out = import("ucdp-ged.csv", None);
    assert_eq!(
        out.detected,
        vec![("ucdp-ged.csv".to_owned(), Layout::UcdpGed, false)]
    );
    assert_expected(&out.quads, "ucdp-ged.nq");
}

#[test]
fn acled_both_layouts_map_to_the_expected_quads() {
    let old = import("acled-old.csv", None);
    assert_eq!(old.detected[0].1, Layout::AcledOld);
    assert_expected(&old.quads, "acled-old.nq");
    let current = import("acled-current.csv", None);
    assert_eq!(current.detected[0].1, Layout::AcledCurrent);
    assert_expected(&current.quads, "acled-current.nq");
}

#[test]
fn gdelt_both_versions_map_to_the_expected_quads() {
    let v1 = import("gdelt1.tsv", None);
    assert_eq!(v1.detected[0].1, Layout::Gdelt1 { source_url: false });
    assert_expected(&v1.quads, "gdelt1.nq");
    let v2 = import("gdelt2.tsv", None);
    assert_eq!(v2.detected[0].1, Layout::Gdelt2);
    assert_expected(&v2.quads, "gdelt2.nq");
}

#[test]
fn hxl_row_is_skipped_and_columns_are_found_by_name() {
    let hxl = import("ucdp-ged-hxl.csv", None);
    assert_eq!(
        hxl.detected,
        vec![("ucdp-ged-hxl.csv".to_owned(), Layout::UcdpGed, true)]
    );
    assert!(hxl.errors.is_empty(), "{:?}", hxl.errors);
    let plain = import("ucdp-ged.csv", None);
    let provenance = |q: &Quad| {
        let p = q.predicate.as_str();
        p.ends_with("#datasetFile") || p.ends_with("#datasetRow")
    };
    let strip = |quads: &[Quad], keep: &[&str]| -> Vec<String> {
        let kept: Vec<Quad> = quads
            .iter()
            .filter(|q| !provenance(q))
            .filter(|q| keep.iter().any(|k| q.to_string().contains(k)))
            .cloned()
            .collect();
        sorted_nquads(&kept)
    };
    let events = ["ucdp-900001", "ucdp-900002"];
    assert_eq!(strip(&hxl.quads, &events), strip(&plain.quads, &events));
    // Rows keep their spreadsheet numbers: the HXL row is row 2, so the first event is row 3.
    assert!(has(
        &hxl.quads,
        "<https://w3id.org/borderkg/id/attestation/ucdp-900001>",
        &format!("<{BKG}datasetRow>"),
        "\"3\"^^<http://www.w3.org/2001/XMLSchema#integer>"
    ));
}

#[test]
fn reimporting_the_same_file_gives_the_same_quads() {
    for name in [
        "ucdp-ged.csv",
        "acled-old.csv",
        "acled-current.csv",
        "gdelt1.tsv",
        "gdelt2.tsv",
    ] {
        assert_eq!(import(name, None).quads, import(name, None).quads, "{name}");
    }
}

#[test]
fn ttp_reconciles_to_the_curated_ttp_in_every_dataset() {
    let ttp = format!("<{ID}ttp>");
    let target = format!("<{BKG}target>");
    let agent = format!("<{BKG}agent>");
    assert!(has(
        &import("ucdp-ged.csv", None).quads,
        &format!("<{EV}ucdp-900001>"),
        &target,
        &ttp
    ));
    assert!(has(
        &import("acled-old.csv", None).quads,
        &format!("<{EV}acled-pak90001>"),
        &agent,
        &ttp
    ));
    assert!(has(
        &import("gdelt1.tsv", None).quads,
        &format!("<{EV}gdelt-410000001>"),
        &target,
        &ttp
    ));
}

#[test]
fn events_are_typed_so_the_rules_derive_the_actor_network() {
    let ucdp = import("ucdp-ged.csv", None).quads;
    let ev = format!("<{EV}ucdp-900001>");
    assert!(has(
        &ucdp,
        &ev,
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
        &format!("<{BKG}Clash>")
    ));
    assert!(has(
        &ucdp,
        &ev,
        &format!("<{BKG}agent>"),
        &format!("<{ID}pakistan>")
    ));
    let gdelt = import("gdelt2.tsv", None).quads;
    let talks = format!("<{EV}gdelt-1200000002>");
    assert!(has(
        &gdelt,
        &talks,
        &format!("<{BKG}participant>"),
        &format!("<{ID}pakistan>")
    ));
}

#[test]
fn bad_rows_name_file_row_and_column() {
    let ucdp = import("ucdp-ged.csv", None);
    let bad = ucdp.errors.iter().map(ToString::to_string).collect::<Vec<_>>();
    assert_eq!(
        bad,
        vec!["ucdp-ged.csv row 5, column date_start: \"2021-02-30\" is not a calendar date".to_owned()]
    );
    let old = import("acled-old.csv", None);
    assert_eq!(old.errors.len(), 1);
    assert_eq!(
        (old.errors[0].row, old.errors[0].column.as_deref()),
        (5, Some("event_date"))
    );
    let current = import("acled-current.csv", None);
    let found: Vec<(u64, Option<&str>)> = current
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_deref()))
        .collect();
    assert_eq!(found, vec![(5, Some("event_date")), (6, None)]);
    assert_eq!(current.errors[1].reason, "3 fields where the header has 31");
    let gdelt = import("gdelt1.tsv", None);
    assert_eq!(gdelt.errors.len(), 1);
    assert_eq!(
        (gdelt.errors[0].row, gdelt.errors[0].column.as_deref()),
        (3, Some("SQLDATE"))
    );
}

#[test]
fn gzip_reads_like_the_plain_file() {
    let gz = import("acled-current.csv.gz", None);
    let plain = import("acled-current.csv", None);
    assert_eq!(gz.detected[0].0, "acled-current.csv");
    assert_eq!(gz.quads, plain.quads);
    assert_eq!(gz.errors, plain.errors);
}

#[test]
fn zip_members_are_each_detected_and_read() {
    let zip = import("datasets.zip", None);
    let names: Vec<(&str, Layout)> = zip.detected.iter().map(|(n, l, _)| (n.as_str(), *l)).collect();
    assert_eq!(
        names,
        vec![
            ("datasets.zip!ged/ucdp-ged.csv", Layout::UcdpGed),
            ("datasets.zip!20240318.export.CSV", Layout::Gdelt2)
        ]
    );
    let events = |quads: &[Quad]| {
        quads
            .iter()
            .filter(|q| q.predicate.as_str().ends_with("#datasetRecordId"))
            .count()
    };
    assert_eq!(events(&zip.quads), 3 + 3);
    assert_eq!(zip.errors.len(), 1);
}

#[test]
fn forced_format_overrides_detection_or_says_what_to_fix() {
    let forced = open(&fixture("gdelt2.tsv"), Some(Dataset::Gdelt)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(forced[0].layout(), Layout::Gdelt2);
    match open(&fixture("ucdp-ged.csv"), Some(Dataset::Acled)) {
        Err(e @ ImportError::Undetected { .. }) => assert!(e.to_string().contains("--format")),
        Err(other) => panic!("unexpected error {other}"),
        Ok(_) => panic!("a UCDP file read as ACLED"),
    }
}

#[test]
fn unmatched_names_are_counted_and_minted_stable_iris() {
    let out = import("acled-current.csv", None);
    let unmatched = out.reconciler.unmatched();
    let group = unmatched
        .iter()
        .find(|u| u.kind == NameKind::Actor && u.name == "Unidentified Armed Group (Afghanistan)")
        .unwrap_or_else(|| panic!("{unmatched:#?}"));
    assert_eq!(group.count, 1);
    assert_eq!(
        group.iri.as_str(),
        format!("{ID}acled-unidentified-armed-group-afghanistan")
    );
    // Curated names do not show up; matched places (Khatlon, Zebak, Badakhshan) neither.
    assert!(!unmatched
        .iter()
        .any(|u| u.name.contains("Taliban") || u.name.starts_with("Badakhshan (")));
    assert!(unmatched
        .iter()
        .any(|u| u.kind == NameKind::Place(PlaceLevel::Admin1) && u.name == "Khyber Pakhtunkhwa (Pakistan)"));
}

#[test]
fn curated_places_match_across_spellings() {
    let out = import("acled-current.csv", None);
    // "Shamsiddin Shohin" is the curated "Shamsiddin Shokhin district"; "Kavo" the curated village.
    let ev = format!("<{EV}acled-tjk91001>");
    assert!(has(
        &out.quads,
        &ev,
        &format!("<{BKG}place>"),
        &format!("<{ID}kavo>")
    ));
    let ucdp = import("ucdp-ged.csv", None);
    assert!(has(
        &ucdp.quads,
        &format!("<{EV}ucdp-900003>"),
        &format!("<{BKG}place>"),
        &format!("<{ID}zebak>")
    ));
}

#[test]
fn unmatched_report_of_the_fixtures() {
    let mut report = String::new();
    for name in [
        "ucdp-ged.csv",
        "acled-old.csv",
        "acled-current.csv",
        "gdelt1.tsv",
        "gdelt2.tsv",
    ] {
        let mut tsv = Vec::new();
        borderkg::import::write_unmatched_tsv(&import(name, None).reconciler.unmatched(), &mut tsv)
            .unwrap_or_else(|e| panic!("{e}"));
        report.push_str(&format!("# {name}\n{}", String::from_utf8_lossy(&tsv)));
    }
    insta::with_settings!({ snapshot_path => "fixtures/import/snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("unmatched", report);
    });
}

#[test]
fn one_town_from_two_datasets_and_spellings_gets_one_iri() {
    // ACLED says Khyber Pakhtunkhwa, GDELT the older North-West Frontier: both are one province,
    // so Parachinar under it is one place.
    let place = format!("<{BKG}place>");
    let parachinar = format!("<{ID}location-pakistan-khyber-pakhtunkhwa-parachinar>");
    assert!(has(
        &import("acled-old.csv", None).quads,
        &format!("<{EV}acled-pak90001>"),
        &place,
        &parachinar
    ));
    assert!(has(
        &import("gdelt1.tsv", None).quads,
        &format!("<{EV}gdelt-410000001>"),
        &place,
        &parachinar
    ));
}

#[test]
fn each_dataset_graph_describes_the_places_it_mints() {
    // One import run, two datasets: a province minted by both is described in both graphs, so
    // replacing one dataset's graph never leaves the other's events pointing at nothing.
    let taxonomy = Taxonomy::load().unwrap_or_else(|e| panic!("{e}"));
    let mut reconciler = reconciler();
    let mut mapper = Mapper::new(&mut reconciler, &taxonomy);
    let mut all = Vec::new();
    for name in ["ucdp-ged.csv", "acled-old.csv"] {
        for reader in open(&fixture(name), None).unwrap_or_else(|e| panic!("{e}")) {
            all.extend(quads(reader, &mut mapper).filter_map(Result::ok).flatten());
        }
    }
    let province = format!("{ID}province-pakistan-khyber-pakhtunkhwa");
    for dataset in ["ucdp", "acled"] {
        let graph = format!("https://w3id.org/borderkg/graph/import/{dataset}");
        assert!(
            all.iter()
                .any(|q| q.subject.to_string() == format!("<{province}>")
                    && q.predicate.as_str().ends_with("#prefLabel")
                    && q.graph_name.to_string() == format!("<{graph}>")),
            "{dataset}"
        );
    }
}

#[test]
fn acled_with_an_hxl_row_is_read_like_ucdp_with_one() {
    let text = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,\
country,admin1,fatalities\n#event+code,#date+occurred,#date+year,#date+precision,#event+category,#event+type,\
#event+subtype,#group+name+first,#country+name,#adm1+name,#affected+killed\nPAK1,2024-05-02,2024,1,\
Political violence,Battles,Armed clash,TTP: Tehrik-i-Taliban Pakistan,Pakistan,Khyber Pakhtunkhwa,3\n";
    let reader = borderkg::import::EventReader::new(
        "acled-hdx.csv".into(),
        Box::new(std::io::Cursor::new(text)),
        None,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((reader.layout(), reader.hxl()), (Layout::AcledCurrent, true));
    assert_eq!(
        reader.detection(),
        "acled-hdx.csv: ACLED CSV (current layout) (HXL row skipped)"
    );
    let records: Vec<_> = reader.collect::<Result<_, _>>().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(records.len(), 1);
    assert_eq!((records[0].id.as_str(), records[0].row), ("PAK1", 3));
}
