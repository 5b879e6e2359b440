//! Tells which dataset and which layout a file is from its first line: the header names of a
//! UCDP or ACLED CSV, or the column count of a headerless GDELT TSV. A forced dataset overrides
//! the guess but the layout within it is still read from the file.

use std::fmt;

/// The event datasets borderkg imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dataset {
    /// UCDP Georeferenced Event Dataset.
    Ucdp,
    /// Armed Conflict Location & Event Data.
    Acled,
    /// GDELT event files.
    Gdelt,
}

impl Dataset {
    /// Short lower-case name, as on the command line and in IRIs.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Ucdp => "ucdp",
            Self::Acled => "acled",
            Self::Gdelt => "gdelt",
        }
    }

    /// Parses a `--format` value (`ucdp`, `acled`, `gdelt`); `None` for anything else.
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "ucdp" | "ucdp-ged" | "ged" => Some(Self::Ucdp),
            "acled" => Some(Self::Acled),
            "gdelt" => Some(Self::Gdelt),
            _ => None,
        }
    }
}

impl fmt::Display for Dataset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Ucdp => "UCDP GED",
            Self::Acled => "ACLED",
            Self::Gdelt => "GDELT",
        })
    }
}

/// The column layout of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// UCDP GED CSV, columns matched by header name.
    UcdpGed,
    /// ACLED's older export (with `data_id`, numeric `inter1`).
    AcledOld,
    /// ACLED's current export (with `disorder_type`, `civilian_targeting`, `tags`).
    AcledCurrent,
    /// GDELT 1.0 events: 57 tab-separated columns, or 58 with `SOURCEURL`.
    Gdelt1 {
        /// Whether the 58th column, `SOURCEURL`, is present.
        source_url: bool,
    },
    /// GDELT 2.0 events: 61 tab-separated columns.
    Gdelt2,
}

impl Layout {
    /// The dataset this layout belongs to.
    pub fn dataset(self) -> Dataset {
        match self {
            Self::UcdpGed => Dataset::Ucdp,
            Self::AcledOld | Self::AcledCurrent => Dataset::Acled,
            Self::Gdelt1 { .. } | Self::Gdelt2 => Dataset::Gdelt,
        }
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::UcdpGed => "UCDP GED CSV",
            Self::AcledOld => "ACLED CSV (older layout)",
            Self::AcledCurrent => "ACLED CSV (current layout)",
            Self::Gdelt1 { source_url: false } => "GDELT 1.0 events (57 columns)",
            Self::Gdelt1 { source_url: true } => "GDELT 1.0 events (58 columns, with SOURCEURL)",
            Self::Gdelt2 => "GDELT 2.0 events (61 columns)",
        })
    }
}

/// Reads the layout from the first bytes of a file (at least its first line).
///
/// # Errors
/// A description of what was seen when neither the header nor the column count fits, or when the
/// file does not fit the forced dataset.
pub fn detect(head: &[u8], forced: Option<Dataset>) -> Result<Layout, String> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let end = head.iter().position(|&b| b == b'\n').unwrap_or(head.len());
    let line = String::from_utf8_lossy(&head[..end]);
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() {
        return Err("the file is empty".to_owned());
    }
    let tabs = line.matches('\t').count();
    let names: Vec<String> = line
        .split(',')
        .map(|n| n.trim().trim_matches('"').trim().to_ascii_lowercase())
        .collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    let gdelt = match tabs + 1 {
        57 => Some(Layout::Gdelt1 { source_url: false }),
        58 => Some(Layout::Gdelt1 { source_url: true }),
        61 => Some(Layout::Gdelt2),
        _ => None,
    };
    let acled = if has("event_id_cnty") {
        Some(if has("data_id") && !has("disorder_type") {
            Layout::AcledOld
        } else {
            Layout::AcledCurrent
        })
    } else {
        None
    };
    let ucdp = (has("type_of_violence") || (has("side_a") && has("best"))).then_some(Layout::UcdpGed);
    let found = match forced {
        None => ucdp.or(acled).or(gdelt),
        Some(Dataset::Ucdp) => ucdp.or((tabs == 0 && has("id")).then_some(Layout::UcdpGed)),
        Some(Dataset::Acled) => acled,
        Some(Dataset::Gdelt) => gdelt,
    };
    found.ok_or_else(|| {
        if tabs > 0 {
            format!(
                "the first line has {} tab-separated columns; GDELT files have 57, 58 or 61",
                tabs + 1
            )
        } else {
            let shown: Vec<&str> = names.iter().take(6).map(String::as_str).collect();
            format!("the header starts {}", shown.join(","))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ucdp_by_header_names() {
        let head = b"\xEF\xBB\xBF\"id\",\"relid\",\"year\",\"type_of_violence\",\"best\"\n1,a,2020,1,3\n";
        assert_eq!(detect(head, None), Ok(Layout::UcdpGed));
    }

    #[test]
    fn acled_layouts() {
        assert_eq!(
            detect(b"data_id,iso,event_id_cnty,event_date\n", None),
            Ok(Layout::AcledOld)
        );
        assert_eq!(
            detect(b"event_id_cnty,event_date,year,disorder_type\n", None),
            Ok(Layout::AcledCurrent)
        );
    }

    #[test]
    fn gdelt_by_column_count() {
        let line = vec!["x"; 61].join("\t");
        assert_eq!(detect(line.as_bytes(), None), Ok(Layout::Gdelt2));
        let line = vec!["x"; 58].join("\t");
        assert_eq!(
            detect(line.as_bytes(), None),
            Ok(Layout::Gdelt1 { source_url: true })
        );
    }

    #[test]
    fn forced_format_that_does_not_fit_is_an_error() {
        assert!(detect(b"event_id_cnty,event_date\n", Some(Dataset::Gdelt)).is_err());
        assert!(detect(b"a,b,c\n", None).is_err());
    }
}
