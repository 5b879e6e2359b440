//! Whatever bytes a file holds, reading and mapping it ends in records or errors, never a panic:
//! random bytes, and rows of random fields under each dataset's real header.

use std::io::Cursor;

use borderkg::import::{quads, Dataset, EventReader, Mapper, Reconciler, Taxonomy, ACTOR_ALIASES};
use proptest::prelude::*;

const UCDP: &str = "id,type_of_violence,side_a,side_b,date_start,date_end,date_prec,best,low,high,deaths_a,\
deaths_civilians,latitude,longitude,country,adm_1,adm_2,where_coordinates";
const ACLED: &str = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,\
inter1,actor2,inter2,country,admin1,admin2,location,latitude,longitude,fatalities,notes";

fn run(bytes: Vec<u8>, forced: Option<Dataset>) {
    let taxonomy = Taxonomy::load().unwrap_or_else(|e| panic!("{e}"));
    let mut reconciler = Reconciler::new(ACTOR_ALIASES, std::iter::empty()).unwrap_or_else(|e| panic!("{e}"));
    let mut mapper = Mapper::new(&mut reconciler, &taxonomy);
    if let Ok(reader) = EventReader::new("fuzz".into(), Box::new(Cursor::new(bytes)), forced) {
        for row in quads(reader, &mut mapper) {
            let _ = row;
        }
    }
    let _ = reconciler.unmatched();
}

/// A field: empty, a plausible value, or arbitrary text with quotes, commas and newlines.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("1".to_owned()),
        Just("2023-09-06".to_owned()),
        Just("06 September 2023".to_owned()),
        Just("Battles".to_owned()),
        Just("Afghanistan".to_owned()),
        Just("-91.5".to_owned()),
        "\\PC{0,12}",
        "[0-9a-zA-Z ,\"\n\t#-]{0,10}",
        "20[0-9]{2}-[0-9]{2}-\\PC{1,3}",
    ]
}

fn csv_row(n: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(field(), n..=n).prop_map(|fields| {
        fields
            .iter()
            .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(",")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000), which in 0usize..4) {
        let forced = [None, Some(Dataset::Ucdp), Some(Dataset::Acled), Some(Dataset::Gdelt)][which];
        run(bytes, forced);
    }

    #[test]
    fn random_ucdp_and_acled_rows_never_panic(rows in prop::collection::vec(csv_row(18), 1..8), acled in any::<bool>()) {
        let header = if acled { ACLED } else { UCDP };
        run(format!("{header}\n{}\n", rows.join("\n")).into_bytes(), None);
    }

    #[test]
    fn random_gdelt_rows_never_panic(rows in prop::collection::vec(prop::collection::vec(field(), 61..=61), 1..6)) {
        let text: Vec<String> = rows.iter().map(|r| r.iter().map(|f| f.replace(['\t', '\n'], " ")).collect::<Vec<_>>().join("\t")).collect();
        run(text.join("\n").into_bytes(), None);
    }
}
