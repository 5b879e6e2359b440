//! Synthetic UCDP GED rows, optionally under an HXL hashtag row.

use std::io::{self, Write};

use super::pools::OUTLETS;
use super::{csv_err, draw, Draw, Record, Rng};

const HEADER: &str = "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,\
conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,\
side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,\
where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,\
event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob";

pub(super) fn write(rows: u64, rng: &mut Rng, hxl: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut record = Record::new(HEADER);
    w.write_record(&record.names).map_err(csv_err)?;
    if hxl {
        let tags: Vec<String> = record
            .names
            .iter()
            .map(|c| format!("#{}", c.replace('_', "+")))
            .collect();
        w.write_record(&tags).map_err(csv_err)?;
    }
    for i in 0..rows {
        let d = draw(rng);
        record.clear();
        fill(&mut record, i, &d, rng);
        w.write_record(&record.values).map_err(csv_err)?;
    }
    w.flush()
}

fn fill(r: &mut Record, i: u64, d: &Draw, rng: &mut Rng) {
    let (violence, side_b) = match d.b {
        Some(b) if d.a.0.starts_with("Government") || b.0.starts_with("Government") => ("1", b.0),
        Some(b) => ("2", b.0),
        None => ("3", "Civilians"),
    };
    let date = d.iso_date();
    r.set("id", (1_000_000 + i).to_string());
    r.set("relid", format!("{}-{}-{violence}-{i}", d.site.iso3, d.year));
    r.set("year", d.year.to_string());
    r.set("active_year", "1");
    r.set("code_status", "Clear");
    r.set("type_of_violence", violence);
    r.set("conflict_name", format!("{}: Government", d.site.country));
    r.set("dyad_name", format!("{} - {side_b}", d.a.0));
    r.set("side_a", d.a.0);
    r.set("side_b", side_b);
    r.set("number_of_sources", "1");
    r.set(
        "source_article",
        format!(
            "{},{date},\"Clashes reported in {}\"",
            rng.pick(OUTLETS),
            d.site.admin2
        ),
    );
    r.set("source_date", date.clone());
    r.set("source_headline", format!("Fighting near {}", d.site.location));
    r.set("where_prec", (1 + rng.below(4)).to_string());
    r.set("where_coordinates", format!("{} town", d.site.location));
    r.set("adm_1", format!("{} province", d.site.admin1));
    r.set("adm_2", format!("{} district", d.site.admin2));
    r.set("latitude", format!("{:.4}", d.lat));
    r.set("longitude", format!("{:.4}", d.lon));
    r.set("geom_wkt", format!("POINT ({:.4} {:.4})", d.lon, d.lat));
    r.set("country", d.site.country);
    r.set("region", "Asia");
    r.set("event_clarity", "1");
    r.set("date_prec", [1, 1, 1, 2, 3, 4, 5][rng.below(7)].to_string());
    r.set("date_start", date.clone());
    r.set("date_end", date);
    // A few rows leave the death counts empty, as rows under review do.
    if !rng.chance(3) {
        let (a, b) = (rng.below(6), rng.below(8));
        let civilians = if violence == "3" {
            rng.below(12)
        } else {
            rng.below(2)
        };
        let best = a + b + civilians;
        for (col, n) in [
            ("deaths_a", a),
            ("deaths_b", b),
            ("deaths_civilians", civilians),
            ("deaths_unknown", 0),
        ] {
            r.set(col, n.to_string());
        }
        r.set("best", best.to_string());
        r.set("low", best.to_string());
        r.set("high", (best + rng.below(5)).to_string());
    }
}
