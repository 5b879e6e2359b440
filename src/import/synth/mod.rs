//! Writes realistic synthetic files in each dataset layout (seeded, any number of rows), with the
//! region's actor and place names in plausible mixes, for benchmarks and load tests. The files are
//! made up from the column definitions; they are not samples of any dataset.

mod acled;
mod gdelt;
mod pools;
mod ucdp;

use std::io::{self, Write};

use pools::{Party, Site, ARMED_GROUPS, SITES, STATE_FORCES};

/// The layouts the generator writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SynthLayout {
    /// UCDP GED CSV.
    Ucdp,
    /// UCDP GED CSV with an HXL hashtag row.
    UcdpHxl,
    /// ACLED, older layout.
    AcledOld,
    /// ACLED, current layout.
    AcledCurrent,
    /// GDELT 1.0, 58 columns.
    Gdelt1,
    /// GDELT 2.0, 61 columns.
    Gdelt2,
}

impl SynthLayout {
    /// Every layout, with the file name the example writes it to.
    pub const ALL: [(Self, &'static str); 6] = [
        (Self::Ucdp, "ucdp-ged.csv"),
        (Self::UcdpHxl, "ucdp-ged-hxl.csv"),
        (Self::AcledOld, "acled-old.csv"),
        (Self::AcledCurrent, "acled-current.csv"),
        (Self::Gdelt1, "gdelt1.tsv"),
        (Self::Gdelt2, "gdelt2.tsv"),
    ];
}

/// Writes `rows` synthetic rows of `layout` to `out`, the same bytes for the same seed.
///
/// # Errors
/// Any write error of `out`.
pub fn write_synthetic(layout: SynthLayout, rows: u64, seed: u64, out: &mut dyn Write) -> io::Result<()> {
    let mut rng = Rng(seed ^ 0x5EED);
    match layout {
        SynthLayout::Ucdp => ucdp::write(rows, &mut rng, false, out),
        SynthLayout::UcdpHxl => ucdp::write(rows, &mut rng, true, out),
        SynthLayout::AcledOld => acled::write(rows, &mut rng, true, out),
        SynthLayout::AcledCurrent => acled::write(rows, &mut rng, false, out),
        SynthLayout::Gdelt1 => gdelt::write(rows, &mut rng, false, out),
        SynthLayout::Gdelt2 => gdelt::write(rows, &mut rng, true, out),
    }
}

/// A small deterministic generator (SplitMix64), so the crate needs no random-number dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// A coordinate offset of up to a tenth of a degree either way.
    fn jitter(&mut self) -> f64 {
        (self.next() % 2001) as f64 / 10_000.0 - 0.1
    }
}

/// One made-up event: where, when, who.
struct Draw {
    site: &'static Site,
    year: i32,
    month: u8,
    day: u8,
    a: &'static Party,
    b: Option<&'static Party>,
    lat: f64,
    lon: f64,
}

impl Draw {
    fn iso_date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Draws a place, a date and the parties: mostly a state against a group active in that country,
/// sometimes the reverse, sometimes a group alone (against civilians).
fn draw(rng: &mut Rng) -> Draw {
    let site = rng.pick(SITES);
    let local: Vec<&(&str, Party)> = ARMED_GROUPS.iter().filter(|(c, _)| *c == site.iso3).collect();
    let group = &rng.pick(&local).1;
    let state = STATE_FORCES.iter().find(|(c, _)| *c == site.iso3).map(|(_, p)| p);
    let (a, b) = match (state, rng.below(10)) {
        (Some(state), 0..=5) => (state, Some(group)),
        (Some(state), 6) => (group, Some(state)),
        _ => (group, None),
    };
    Draw {
        site,
        year: 2017 + i32::try_from(rng.below(8)).unwrap_or(0),
        month: 1 + u8::try_from(rng.below(12)).unwrap_or(0),
        day: 1 + u8::try_from(rng.below(28)).unwrap_or(0),
        a,
        b,
        lat: site.lat + rng.jitter(),
        lon: site.lon + rng.jitter(),
    }
}

/// A CSV record filled by column name, written in header order.
struct Record {
    names: Vec<&'static str>,
    values: Vec<String>,
}

impl Record {
    fn new(header: &'static str) -> Self {
        let names: Vec<&str> = header.split(',').collect();
        let values = vec![String::new(); names.len()];
        Self { names, values }
    }

    fn clear(&mut self) {
        self.values.iter_mut().for_each(String::clear);
    }

    fn set(&mut self, name: &str, value: impl Into<String>) {
        if let Some(i) = self.names.iter().position(|n| *n == name) {
            self.values[i] = value.into();
        }
    }
}

fn csv_err(e: csv::Error) -> io::Error {
    io::Error::other(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_bytes() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        write_synthetic(SynthLayout::AcledOld, 50, 7, &mut a).unwrap_or_else(|e| panic!("{e}"));
        write_synthetic(SynthLayout::AcledOld, 50, 7, &mut b).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a, b);
        let mut c = Vec::new();
        write_synthetic(SynthLayout::AcledOld, 50, 8, &mut c).unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(a, c);
    }
}
