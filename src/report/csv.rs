//! The report's per-actor table as CSV: one row per actor with every measure, its community and
//! whether it is an articulation point.

use std::io::{self, Write};

use super::analysis::{Report, MEASURES};

/// Writes one CSV row per actor.
///
/// # Errors
/// A failed write.
pub fn render(report: &Report, out: &mut impl Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let keys: Vec<&str> = MEASURES.iter().map(|m| m.key).collect();
    let mut header = vec!["id", "label", "class", "community", "articulation_point"];
    header.extend(&keys);
    w.write_record(&header)?;
    for row in &report.rows {
        let mut record = vec![
            row.id.clone(),
            row.label.clone(),
            row.class.clone(),
            row.community.to_string(),
            row.articulation_point.to_string(),
        ];
        record.extend(
            keys.iter()
                .map(|k| row.measures.get(k).map(|v| format!("{v}")).unwrap_or_default()),
        );
        w.write_record(&record)?;
    }
    w.flush()
}
