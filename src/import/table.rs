//! Reads delimited records one at a time into a reused `ByteRecord`, numbers them as a
//! spreadsheet does, skips an HXL hashtag row under the header, and resolves column names to
//! positions once per file so that a row's fields are found by index.

use std::collections::HashMap;
use std::io::Read;
use std::str::FromStr;

use csv::{ByteRecord, ReaderBuilder, Trim};

use super::error::{ImportError, RowError, RowPos};

/// A delimited file read record by record.
pub struct Table {
    name: String,
    reader: csv::Reader<Box<dyn Read + Send>>,
    record: ByteRecord,
    /// `record` holds a data row already read (the one after the header, checked for HXL).
    pending: bool,
    row: u64,
    /// The accepted field counts, inclusive.
    width: Option<(usize, usize)>,
    header: Option<ByteRecord>,
    hxl: bool,
    done: bool,
}

impl Table {
    /// Opens a CSV (with a header row) or, given `tsv_width` (the least and most fields a row may
    /// have), a headerless TSV.
    ///
    /// # Errors
    /// [`ImportError::Header`] if the header row cannot be read.
    pub fn new(
        name: String,
        reader: Box<dyn Read + Send>,
        tsv_width: Option<(usize, usize)>,
    ) -> Result<Self, ImportError> {
        let mut builder = ReaderBuilder::new();
        builder.has_headers(false).flexible(true).trim(Trim::None);
        if tsv_width.is_some() {
            builder.delimiter(b'\t').quoting(false);
        }
        let mut table = Self {
            reader: builder.from_reader(reader),
            name,
            record: ByteRecord::new(),
            pending: false,
            row: 0,
            width: tsv_width,
            header: None,
            hxl: false,
            done: false,
        };
        if tsv_width.is_none() {
            table.read_header()?;
        }
        Ok(table)
    }

    fn read_header(&mut self) -> Result<(), ImportError> {
        let header_err = |reason: String| ImportError::Header {
            file: self.name.clone(),
            reason,
        };
        let mut header = ByteRecord::new();
        match self.reader.read_byte_record(&mut header) {
            Ok(true) => {}
            Ok(false) => return Err(header_err("the file is empty".to_owned())),
            Err(e) => return Err(header_err(e.to_string())),
        }
        self.row = 1;
        if let Some(first) = header.get(0) {
            if let Some(stripped) = first.strip_prefix(b"\xEF\xBB\xBF") {
                let mut fixed = ByteRecord::new();
                fixed.push_field(stripped);
                header.iter().skip(1).for_each(|f| fixed.push_field(f));
                header = fixed;
            }
        }
        self.width = Some((header.len(), header.len()));
        self.header = Some(header);
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => {
                self.row = 2;
                if is_hxl(&self.record) {
                    self.hxl = true;
                } else {
                    self.pending = true;
                }
            }
            Ok(false) => self.done = true,
            Err(e) => return Err(header_err(e.to_string())),
        }
        Ok(())
    }

    /// The file's name as errors cite it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether an HXL hashtag row under the header was recognised and skipped.
    pub fn hxl(&self) -> bool {
        self.hxl
    }

    /// The number of the row last read (1-based, header included).
    pub fn row(&self) -> u64 {
        self.row
    }

    /// Decompressed bytes read so far, for progress against a plain file's size.
    pub fn bytes_read(&self) -> u64 {
        self.reader.position().byte()
    }

    /// Resolves `names` against the header (case-insensitive), requiring `required`.
    ///
    /// # Errors
    /// [`ImportError::MissingColumn`] naming the first required column the header lacks.
    pub fn columns(
        &self,
        dataset: &'static str,
        names: &'static [&'static str],
        required: &[usize],
    ) -> Result<Columns, ImportError> {
        let mut by_name = HashMap::new();
        if let Some(header) = &self.header {
            for (i, field) in header.iter().enumerate() {
                let name = String::from_utf8_lossy(field).trim().to_ascii_lowercase();
                by_name.entry(name).or_insert(i);
            }
        }
        let idx: Vec<Option<usize>> = names.iter().map(|n| by_name.get(*n).copied()).collect();
        if let Some(&missing) = required.iter().find(|&&r| idx[r].is_none()) {
            return Err(ImportError::MissingColumn {
                file: self.name.clone(),
                dataset,
                missing: names[missing].to_owned(),
            });
        }
        Ok(Columns { idx, names })
    }

    /// Reads the next data row into the reused record.
    ///
    /// Returns `None` at the end of the file; after a read error it returns that error once, then
    /// `None`, since the stream cannot be resynchronised.
    pub fn next_row(&mut self) -> Option<Result<Row<'_>, RowError>> {
        if self.done {
            return None;
        }
        if self.pending {
            self.pending = false;
        } else {
            match self.reader.read_byte_record(&mut self.record) {
                Ok(true) => self.row += 1,
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    let pos = RowPos {
                        file: &self.name,
                        row: self.row + 1,
                    };
                    return Some(Err(pos.row_err(format!("unreadable: {e}"))));
                }
            }
        }
        let pos = RowPos {
            file: &self.name,
            row: self.row,
        };
        if let Some((least, most)) = self.width {
            let n = self.record.len();
            if !(least..=most).contains(&n) {
                let what = if self.header.is_some() {
                    "the header has"
                } else {
                    "the layout has"
                };
                let width = if least == most {
                    least.to_string()
                } else {
                    format!("{least} or {most}")
                };
                return Some(Err(pos.row_err(format!("{n} fields where {what} {width}"))));
            }
        }
        Some(Ok(Row {
            record: &self.record,
            pos,
        }))
    }
}

/// Whether a record is an HXL hashtag row (`#date+year`, `#adm1+name`, ...): every non-empty
/// field starts with `#`, and at least one is non-empty.
fn is_hxl(record: &ByteRecord) -> bool {
    let mut any = false;
    for field in record {
        let field = field.trim_ascii();
        if field.is_empty() {
            continue;
        }
        if field[0] != b'#' {
            return false;
        }
        any = true;
    }
    any
}

/// Column positions resolved once per file.
pub struct Columns {
    idx: Vec<Option<usize>>,
    names: &'static [&'static str],
}

impl Columns {
    /// Columns at fixed positions, for headerless files: `positions[i]` is where `names[i]` is.
    pub fn fixed(names: &'static [&'static str], positions: &[Option<usize>]) -> Self {
        Self {
            idx: positions.to_vec(),
            names,
        }
    }
}

/// One data row, borrowed from the table's reused record.
pub struct Row<'a> {
    record: &'a ByteRecord,
    /// Where the row is.
    pub pos: RowPos<'a>,
}

impl<'a> Row<'a> {
    /// The trimmed text of column `col`, `None` when the column is absent or the field empty.
    ///
    /// # Errors
    /// When the field is not UTF-8.
    pub fn opt(&self, cols: &Columns, col: usize) -> Result<Option<&'a str>, RowError> {
        let Some(i) = cols.idx[col] else {
            return Ok(None);
        };
        let Some(bytes) = self.record.get(i) else {
            return Ok(None);
        };
        let text = std::str::from_utf8(bytes)
            .map_err(|_| self.pos.err(cols.names[col], "the text is not UTF-8"))?
            .trim();
        Ok((!text.is_empty() && text != "NA" && text != "NULL").then_some(text))
    }

    /// Like [`Row::opt`], but an empty or absent field is an error.
    ///
    /// # Errors
    /// When the field is empty, absent or not UTF-8.
    pub fn req(&self, cols: &Columns, col: usize) -> Result<&'a str, RowError> {
        self.opt(cols, col)?
            .ok_or_else(|| self.pos.err(cols.names[col], "is empty"))
    }

    /// Parses column `col` as a number; `None` when empty.
    ///
    /// # Errors
    /// When the field is not a number of type `T`.
    pub fn num<T: FromStr>(&self, cols: &Columns, col: usize) -> Result<Option<T>, RowError> {
        match self.opt(cols, col)? {
            None => Ok(None),
            Some(text) => {
                let clean = text.strip_suffix(".0").unwrap_or(text);
                clean.parse().map(Some).map_err(|_| {
                    self.pos
                        .err(cols.names[col], format!("{text:?} is not a valid number here"))
                })
            }
        }
    }

    /// The name of column `col`, for error messages.
    pub fn column_name(cols: &Columns, col: usize) -> &'static str {
        cols.names[col]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &'static str) -> Table {
        Table::new("t.csv".into(), Box::new(text.as_bytes()), None).unwrap_or_else(|e| panic!("{e}"))
    }

    fn rows(mut t: Table) -> Vec<Result<u64, String>> {
        let mut out = Vec::new();
        while let Some(row) = t.next_row() {
            out.push(row.map(|r| r.pos.row).map_err(|e| e.to_string()));
        }
        out
    }

    #[test]
    fn crlf_blank_lines_and_multiline_fields_keep_spreadsheet_rows() {
        let t = table("\u{feff}id,note\r\n1,\"two\r\nlines\"\r\n\r\n2,x\r\n\r\n");
        assert_eq!(rows(t), vec![Ok(2), Ok(3)]);
    }

    #[test]
    fn hxl_row_is_row_two_and_is_skipped() {
        let t = table("id,year\n#event+id,#date+year\n7,2020\n");
        assert!(t.hxl());
        assert_eq!(rows(t), vec![Ok(3)]);
    }

    #[test]
    fn short_rows_are_errors_and_reading_goes_on() {
        let t = table("a,b,c\n1,2\n3,4,5\n");
        assert_eq!(
            rows(t),
            vec![Err("t.csv row 2: 2 fields where the header has 3".into()), Ok(3)]
        );
    }

    #[test]
    fn header_only_and_empty_files() {
        assert!(rows(table("a,b\n")).is_empty());
        assert!(Table::new("e.csv".into(), Box::new(&b""[..]), None).is_err());
    }
}
