//! Synthetic GDELT event rows: 1.0 with `SOURCEURL` (58 columns) and 2.0 (61 columns).

use std::io::{self, Write};

use super::pools::{Party, CAMEO};
use super::{draw, Draw, Rng};

pub(super) fn write(rows: u64, rng: &mut Rng, v2: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut fields: Vec<String> = Vec::with_capacity(61);
    for i in 0..rows {
        let d = draw(rng);
        let (code, base, root) = rng.pick(CAMEO);
        fields.clear();
        fill(&mut fields, i, &d, (code, base, root), v2);
        out.write_all(fields.join("\t").as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

fn fill(f: &mut Vec<String>, i: u64, d: &Draw, (code, base, root): (&str, &str, &str), v2: bool) {
    let date = format!("{:04}{:02}{:02}", d.year, d.month, d.day);
    f.extend([
        (1_000_000_000 + i).to_string(),
        date.clone(),
        date[..6].to_owned(),
        date[..4].to_owned(),
    ]);
    f.push(format!("{}.{:04}", d.year, u32::from(d.month) * 83));
    let none: &Party = &("", "", "", "");
    for (actor, name) in [(d.a.2, d.a.3), (d.b.unwrap_or(none).2, d.b.unwrap_or(none).3)] {
        let country = actor.get(..3).unwrap_or("");
        let type1 = actor.get(3..).unwrap_or("");
        f.extend([actor, name, country, "", "", "", "", type1, "", ""].map(str::to_owned));
    }
    f.extend(["1", code, base, root, "4", "-10.0", "6", "2", "6", "-7.25"].map(str::to_owned));
    let full = format!("{}, {}, {}", d.site.location, d.site.admin1, d.site.country);
    let adm1 = format!("{}01", d.site.fips);
    for _ in 0..3 {
        f.extend(["4".to_owned(), full.clone(), d.site.fips.to_owned(), adm1.clone()]);
        if v2 {
            f.push(String::new());
        }
        f.extend([
            format!("{:.4}", d.lat),
            format!("{:.4}", d.lon),
            "-1000".to_owned(),
        ]);
    }
    f.push(if v2 { format!("{date}120000") } else { date });
    f.push(format!("https://news.example.org/{i}"));
}
