//! Opens an input file as one or more byte streams: plain, gzip, or each CSV/TSV member of a zip
//! archive, decompressed on the fly so that nothing holds the whole file in memory.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use flate2::read::{DeflateDecoder, MultiGzDecoder};
use zip::{CompressionMethod, ZipArchive};

use super::error::ImportError;

/// One stream to import: a plain file, a decompressed `.gz`, or a member of a `.zip`.
pub struct Input {
    /// The file's name without directory, `archive.zip!member.csv` for a zip member; it is what
    /// attestations and error messages cite.
    pub name: String,
    /// The decompressed bytes.
    pub reader: Box<dyn Read + Send>,
}

/// Opens `path` as the streams it holds: one for a plain or `.gz` file, one per `.csv`, `.tsv` or
/// `.txt` member (in archive order) for a `.zip`.
///
/// # Errors
/// [`ImportError::Io`] if the file cannot be opened, [`ImportError::Zip`] for a malformed or
/// encrypted archive, [`ImportError::EmptyArchive`] if it has no member to import.
pub fn open(path: &Path) -> Result<Vec<Input>, ImportError> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let io_err = |source| ImportError::Io {
        file: name.clone(),
        source,
    };
    let file = File::open(path).map_err(io_err)?;
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".gz") {
        let inner = name[..name.len() - 3].to_owned();
        let reader = MultiGzDecoder::new(BufReader::with_capacity(1 << 16, file));
        return Ok(vec![Input {
            name: inner,
            reader: Box::new(reader),
        }]);
    }
    if lower.ends_with(".zip") {
        return open_zip(path, &name, file);
    }
    Ok(vec![Input {
        name,
        reader: Box::new(file),
    }])
}

/// Lists the importable members of a zip archive and opens each with its own file handle,
/// positioned at the member's data, so members stream independently of the archive object.
fn open_zip(path: &Path, name: &str, file: File) -> Result<Vec<Input>, ImportError> {
    let zip_err = |e: zip::result::ZipError| ImportError::Zip {
        file: name.to_owned(),
        reason: e.to_string(),
    };
    let mut archive = ZipArchive::new(BufReader::new(file)).map_err(zip_err)?;
    let mut inputs = Vec::new();
    for index in 0..archive.len() {
        let member = archive.by_index_raw(index).map_err(zip_err)?;
        let member_name = member.name().to_owned();
        if member.is_dir() || !importable(&member_name) {
            continue;
        }
        if member.encrypted() {
            return Err(ImportError::Zip {
                file: name.to_owned(),
                reason: format!("member {member_name} is encrypted"),
            });
        }
        let start = member.data_start().ok_or_else(|| ImportError::Zip {
            file: name.to_owned(),
            reason: format!("member {member_name} has no data offset"),
        })?;
        let (method, size) = (member.compression(), member.compressed_size());
        let full = format!("{name}!{member_name}");
        let reader = member_reader(path, start, size, method).map_err(|e| match e {
            MemberError::Io(source) => ImportError::Io {
                file: full.clone(),
                source,
            },
            MemberError::Method(m) => ImportError::Zip {
                file: name.to_owned(),
                reason: format!(
                    "member {member_name} uses compression {m}; only stored and deflated members are read"
                ),
            },
        })?;
        inputs.push(Input { name: full, reader });
    }
    if inputs.is_empty() {
        return Err(ImportError::EmptyArchive {
            file: name.to_owned(),
        });
    }
    Ok(inputs)
}

enum MemberError {
    Io(io::Error),
    Method(CompressionMethod),
}

fn member_reader(
    path: &Path,
    start: u64,
    size: u64,
    method: CompressionMethod,
) -> Result<Box<dyn Read + Send>, MemberError> {
    let mut file = File::open(path).map_err(MemberError::Io)?;
    file.seek(SeekFrom::Start(start)).map_err(MemberError::Io)?;
    let raw = BufReader::with_capacity(1 << 16, file).take(size);
    match method {
        CompressionMethod::Stored => Ok(Box::new(raw)),
        CompressionMethod::Deflated => Ok(Box::new(DeflateDecoder::new(raw))),
        other => Err(MemberError::Method(other)),
    }
}

/// Whether an archive member looks like a data table (and not, say, a codebook or macOS metadata).
fn importable(member: &str) -> bool {
    let lower = member.to_ascii_lowercase();
    let base = lower.rsplit('/').next().unwrap_or(&lower);
    !lower.starts_with("__macosx/")
        && !base.starts_with('.')
        && (base.ends_with(".csv") || base.ends_with(".tsv") || base.ends_with(".txt"))
}

#[cfg(test)]
mod tests {
    use super::importable;

    #[test]
    fn picks_data_members_only() {
        assert!(importable("20240101.export.CSV"));
        assert!(importable("data/ged.csv"));
        assert!(!importable("__MACOSX/data/._ged.csv"));
        assert!(!importable("codebook.pdf"));
    }
}
