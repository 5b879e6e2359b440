//! Finds the input files of a build: Turtle under the ontology and data folders, SPARQL updates
//! under `ontology/rules/`, each list sorted so that builds are reproducible.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A rule: a SPARQL update file applied after loading.
#[derive(Debug, Clone)]
pub struct RuleFile {
    /// Path of the `.ru` file.
    pub path: PathBuf,
    /// Its file name, used to name derived edges' rule.
    pub name: String,
}

/// The files one build reads.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// The ontology folder.
    pub ontology_dir: PathBuf,
    /// The data folder.
    pub data_dir: PathBuf,
    /// Turtle files of the ontology (classes, alignment, shapes).
    pub ontology: Vec<PathBuf>,
    /// Turtle files of the data.
    pub data: Vec<PathBuf>,
    /// Rules, in the order they run.
    pub rules: Vec<RuleFile>,
}

impl Inputs {
    /// Lists the inputs under `ontology_dir` and `data_dir`.
    ///
    /// # Errors
    /// A folder that is missing or unreadable, or one that holds no Turtle file.
    pub fn discover(ontology_dir: &Path, data_dir: &Path) -> Result<Self> {
        let ontology = files_with_extension(ontology_dir, "ttl")?;
        let data = files_with_extension(data_dir, "ttl")?;
        for (dir, list, flag) in [
            (ontology_dir, &ontology, "--ontology"),
            (data_dir, &data, "--data"),
        ] {
            if list.is_empty() {
                return Err(Error::io(
                    dir,
                    std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        format!("no .ttl file in this folder; point {flag} at a folder of Turtle files"),
                    ),
                ));
            }
        }
        let rules = files_with_extension(ontology_dir, "ru")?
            .into_iter()
            .map(|path| RuleFile {
                name: path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                path,
            })
            .collect();
        Ok(Self {
            ontology_dir: ontology_dir.to_owned(),
            data_dir: data_dir.to_owned(),
            ontology,
            data,
            rules,
        })
    }

    /// Ontology files first, then data files.
    pub fn turtle_files(&self) -> impl Iterator<Item = &PathBuf> {
        self.ontology.iter().chain(&self.data)
    }

    /// How a file is named in messages: relative to the parent of its input folder
    /// (`data/articles/001.ttl`).
    pub fn display_name(&self, path: &Path) -> String {
        for dir in [&self.data_dir, &self.ontology_dir] {
            if let Ok(rel) = path.strip_prefix(dir) {
                let top = dir.file_name().map(|n| n.to_string_lossy().into_owned());
                return match top {
                    Some(top) => format!("{top}/{}", rel.display()),
                    None => rel.display().to_string(),
                };
            }
        }
        path.display().to_string()
    }
}

/// Every file under `dir` (recursively) whose extension is `ext`, sorted by path.
fn files_with_extension(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| Error::io(&d, e))?;
        for entry in entries {
            let path = entry.map_err(|e| Error::io(&d, e))?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_files_in_order() -> Result<()> {
        let tmp = tempfile::tempdir().map_err(|e| Error::io("tmp", e))?;
        let o = tmp.path().join("ontology");
        let d = tmp.path().join("data");
        std::fs::create_dir_all(o.join("rules")).map_err(|e| Error::io("o", e))?;
        std::fs::create_dir_all(d.join("articles")).map_err(|e| Error::io("d", e))?;
        for f in [
            o.join("b.ttl"),
            o.join("a.ttl"),
            o.join("rules/10-x.ru"),
            o.join("rules/02-y.ru"),
            d.join("articles/001.ttl"),
            d.join("core.ttl"),
        ] {
            std::fs::write(&f, "").map_err(|e| Error::io(&f, e))?;
        }
        let inputs = Inputs::discover(&o, &d)?;
        let names: Vec<_> = inputs.turtle_files().map(|p| inputs.display_name(p)).collect();
        assert_eq!(
            names,
            [
                "ontology/a.ttl",
                "ontology/b.ttl",
                "data/articles/001.ttl",
                "data/core.ttl"
            ]
        );
        let rules: Vec<_> = inputs.rules.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(rules, ["02-y.ru", "10-x.ru"]);
        Ok(())
    }

    #[test]
    fn empty_data_folder_names_the_flag() {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::write(tmp.path().join("o.ttl"), "").expect("write");
        let empty = tmp.path().join("empty");
        std::fs::create_dir(&empty).expect("mkdir");
        let err = Inputs::discover(tmp.path(), &empty).expect_err("must fail");
        assert!(err.to_string().contains("--data"), "{err}");
    }
}
