//! The files borderkg reads as its own inputs (ontology, rules, shapes, curated data, saved queries):
//! built into the binary, so that it works from any folder, or read from folders on disk, which
//! replace the built-in ones.

mod walk;

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use crate::error::{Error, Result};

pub use walk::{files_with_extension, Skipped};

static ONTOLOGY: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/ontology");
static DATA: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");
static QUERIES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/queries");

/// One kind of input the binary carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `ontology/`: classes, properties, shapes, alignment, and `rules/*.ru`.
    Ontology,
    /// `data/`: the curated knowledge graph of the seed articles.
    Data,
    /// `queries/`: the saved queries.
    Queries,
}

impl Kind {
    /// The folder name, in the repository and in file names shown to the user.
    pub fn folder(self) -> &'static str {
        match self {
            Self::Ontology => "ontology",
            Self::Data => "data",
            Self::Queries => "queries",
        }
    }

    /// The command-line flag that points it at a folder.
    pub fn flag(self) -> &'static str {
        match self {
            Self::Ontology => "--ontology",
            Self::Data => "--data",
            Self::Queries => "--queries",
        }
    }

    fn embedded(self) -> &'static Dir<'static> {
        match self {
            Self::Ontology => &ONTOLOGY,
            Self::Data => &DATA,
            Self::Queries => &QUERIES,
        }
    }
}

/// Where a set of inputs came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Built into the binary.
    BuiltIn,
    /// A folder (or file) on disk.
    Disk(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BuiltIn => f.write_str("built in"),
            Self::Disk(path) => write!(f, "{}", path.display()),
        }
    }
}

/// One input file.
#[derive(Debug, Clone)]
pub struct Resource {
    /// How it is named in messages: `data/articles/001.ttl`.
    pub name: String,
    /// Where its bytes are.
    pub location: Location,
}

/// Where the bytes of a [`Resource`] are.
#[derive(Debug, Clone)]
pub enum Location {
    /// In the binary.
    Embedded(&'static [u8]),
    /// In a file.
    File(PathBuf),
}

impl Resource {
    /// The file's bytes.
    ///
    /// # Errors
    /// [`Error::Io`] when a file on disk cannot be read.
    pub fn bytes(&self) -> Result<Cow<'static, [u8]>> {
        match &self.location {
            Location::Embedded(bytes) => Ok(Cow::Borrowed(bytes)),
            Location::File(path) => std::fs::read(path)
                .map(Cow::Owned)
                .map_err(|e| Error::io(path, e)),
        }
    }

    /// The file as text.
    ///
    /// # Errors
    /// [`Error::Io`] when unreadable or not UTF-8.
    pub fn text(&self) -> Result<String> {
        let bytes = self.bytes()?;
        String::from_utf8(bytes.into_owned()).map_err(|e| {
            Error::io(
                self.path(),
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()),
                ),
            )
        })
    }

    /// The path to name in errors: the file on disk, or the built-in name.
    pub fn path(&self) -> PathBuf {
        match &self.location {
            Location::Embedded(_) => PathBuf::from(format!("(built in) {}", self.name)),
            Location::File(path) => path.clone(),
        }
    }

    /// The file name without its folders.
    pub fn file_name(&self) -> &str {
        self.name.rsplit('/').next().unwrap_or(&self.name)
    }
}

/// The files of one kind with a given extension, and where they came from.
#[derive(Debug, Clone)]
pub struct ResourceSet {
    /// Built in, or the folder they were read from.
    pub origin: Origin,
    /// The files, sorted by name.
    pub files: Vec<Resource>,
    /// Entries of the folder that were passed over, and why.
    pub skipped: Vec<Skipped>,
}

/// The built-in files of `kind` whose name ends in `.ext`, sorted by name.
pub fn builtin(kind: Kind, ext: &str) -> ResourceSet {
    let mut files = Vec::new();
    let mut stack = vec![kind.embedded()];
    while let Some(dir) = stack.pop() {
        stack.extend(dir.dirs());
        for file in dir.files() {
            if file.path().extension().is_some_and(|e| e == ext) {
                files.push(Resource {
                    name: format!("{}/{}", kind.folder(), file.path().display()),
                    location: Location::Embedded(file.contents()),
                });
            }
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    ResourceSet {
        origin: Origin::BuiltIn,
        files,
        skipped: Vec::new(),
    }
}

/// The files under `path` (a folder, searched recursively, or one file) whose name ends in `.ext`.
///
/// # Errors
/// [`Error::Io`] when the folder is missing or unreadable.
pub fn from_disk(path: &Path, ext: &str) -> Result<ResourceSet> {
    let top = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (paths, skipped) = if path.is_file() {
        (vec![path.to_owned()], Vec::new())
    } else {
        files_with_extension(path, ext)?
    };
    let files = paths
        .into_iter()
        .map(|file| {
            let name = match file.strip_prefix(path) {
                Ok(rel) if !rel.as_os_str().is_empty() => format!("{top}/{}", rel.display()),
                _ => file.display().to_string(),
            };
            Resource {
                name,
                location: Location::File(file),
            }
        })
        .collect();
    Ok(ResourceSet {
        origin: Origin::Disk(path.to_owned()),
        files,
        skipped,
    })
}

/// The folder to read `kind` from: the one given by its flag, else the folder of that name in the
/// current directory when there is one, else none (the built-in files).
pub fn choose_folder(kind: Kind, flag: Option<&Path>) -> Option<PathBuf> {
    flag.map(Path::to_owned).or_else(|| {
        let here = PathBuf::from(kind.folder());
        here.is_dir().then_some(here)
    })
}

/// The files of `kind` with extension `ext`: from `folder` when given, else built in.
///
/// # Errors
/// As [`from_disk`].
pub fn load(kind: Kind, folder: Option<&Path>, ext: &str) -> Result<ResourceSet> {
    match folder {
        Some(dir) => from_disk(dir, ext),
        None => Ok(builtin(kind, ext)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_binary_carries_ontology_rules_data_and_queries() {
        let ontology = builtin(Kind::Ontology, "ttl");
        assert!(ontology.files.iter().any(|f| f.name == "ontology/shapes.ttl"));
        let rules = builtin(Kind::Ontology, "ru");
        assert!(rules
            .files
            .iter()
            .any(|f| f.name == "ontology/rules/10-attacked.ru"));
        let data = builtin(Kind::Data, "ttl");
        assert!(data.files.iter().any(|f| f.name == "data/articles/001.ttl"));
        let queries = builtin(Kind::Queries, "rq");
        assert!(queries.files.iter().any(|f| f.file_name() == "who-attacked.rq"));
        let names: Vec<_> = data.files.iter().map(|f| f.name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
    }

    #[test]
    fn built_in_files_equal_the_repository_files() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for file in builtin(Kind::Data, "ttl").files {
            let on_disk = std::fs::read(root.join(&file.name)).expect("repository file");
            assert_eq!(
                file.bytes().expect("bytes").as_ref(),
                on_disk.as_slice(),
                "{}",
                file.name
            );
        }
    }
}
