//! Synthetic ACLED rows in the older and the current export layout.

use std::io::{self, Write};

use super::pools::{ACLED_TYPES, MONTHS, OUTLETS};
use super::{csv_err, draw, Draw, Record, Rng};

const OLD: &str = "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,\
sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,\
admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3";

const CURRENT: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,\
actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,\
admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

pub(super) fn write(rows: u64, rng: &mut Rng, old: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut record = Record::new(if old { OLD } else { CURRENT });
    w.write_record(&record.names).map_err(csv_err)?;
    for i in 0..rows {
        let d = draw(rng);
        record.clear();
        fill(&mut record, i, &d, rng, old);
        w.write_record(&record.values).map_err(csv_err)?;
    }
    w.flush()
}

fn event_type(rng: &mut Rng) -> (&'static str, &'static str) {
    let total: u64 = ACLED_TYPES.iter().map(|t| u64::from(t.2)).sum();
    let mut roll = rng.next() % total;
    for (event_type, sub, weight) in ACLED_TYPES {
        if roll < u64::from(*weight) {
            return (event_type, sub);
        }
        roll -= u64::from(*weight);
    }
    (ACLED_TYPES[0].0, ACLED_TYPES[0].1)
}

fn fill(r: &mut Record, i: u64, d: &Draw, rng: &mut Rng, old: bool) {
    let (etype, sub) = event_type(rng);
    let civilians = format!("Civilians ({})", d.site.country);
    let actor2 = d.b.map_or(civilians.as_str(), |b| b.1);
    let (inter1, inter2) = match (old, d.b.is_some()) {
        (true, true) => ("1", "2"),
        (true, false) => ("2", "7"),
        (false, true) => ("State forces", "Rebel group"),
        (false, false) => ("Rebel group", "Civilians"),
    };
    let date = if old {
        format!("{:02} {} {}", d.day, MONTHS[usize::from(d.month - 1)], d.year)
    } else {
        d.iso_date()
    };
    r.set("data_id", i.to_string());
    r.set("event_id_cnty", format!("{}{}", d.site.iso3, 100_000 + i));
    r.set("event_id_no_cnty", (100_000 + i).to_string());
    r.set("year", d.year.to_string());
    r.set("time_precision", (1 + rng.below(3)).to_string());
    r.set("disorder_type", "Political violence");
    r.set("event_type", etype);
    r.set("sub_event_type", sub);
    r.set("actor1", d.a.1);
    r.set("inter1", inter1);
    r.set("actor2", actor2);
    r.set("inter2", inter2);
    r.set("region", "South Asia");
    r.set("country", d.site.country);
    r.set("iso3", d.site.iso3);
    r.set("admin1", d.site.admin1);
    r.set("admin2", d.site.admin2);
    r.set("location", d.site.location);
    r.set("latitude", format!("{:.4}", d.lat));
    r.set("longitude", format!("{:.4}", d.lon));
    r.set("geo_precision", (1 + rng.below(3)).to_string());
    r.set("source", rng.pick(OUTLETS).to_string());
    r.set("source_scale", "National");
    let more = if rng.chance(10) {
        "\nCasualty figures are disputed."
    } else {
        ""
    };
    r.set(
        "notes",
        format!(
            "On {date}, {} and {actor2} near {}, {}.{more}",
            d.a.1, d.site.location, d.site.admin2
        ),
    );
    r.set("event_date", date);
    // A few rows leave fatalities empty.
    r.set(
        "fatalities",
        if rng.chance(4) {
            String::new()
        } else {
            rng.below(9).to_string()
        },
    );
    r.set("timestamp", "1700000000");
}
