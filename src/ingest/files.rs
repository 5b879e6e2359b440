//! Finds the input files of a build: Turtle under the ontology and data folders, SPARQL updates
//! under `ontology/rules/`, each list sorted so that builds are reproducible.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::resources::{self, Kind, Origin, Resource, ResourceSet, Skipped};

/// A rule: a SPARQL update file applied after loading.
#[derive(Debug, Clone)]
pub struct RuleFile {
    /// The `.ru` file.
    pub resource: Resource,
    /// How it is named in messages (its path on disk, or its built-in name).
    pub path: PathBuf,
    /// Its file name, used to name derived edges' rule.
    pub name: String,
}

/// The files one build reads.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// Turtle files of the ontology (classes, alignment, shapes).
    pub ontology: ResourceSet,
    /// Turtle files of the data: the base data set, then each added file or folder.
    pub data: Vec<ResourceSet>,
    /// Rules, in the order they run.
    pub rules: Vec<RuleFile>,
}

impl Inputs {
    /// Lists the inputs: the ontology from `ontology_dir` (or built in), the data from `data_dir`
    /// (or built in), plus every Turtle file in `added`.
    ///
    /// # Errors
    /// A folder that is missing or unreadable, or one that holds no Turtle file.
    pub fn discover(ontology_dir: Option<&Path>, data_dir: Option<&Path>, added: &[PathBuf]) -> Result<Self> {
        let ontology = resources::load(Kind::Ontology, ontology_dir, "ttl")?;
        let mut data = vec![resources::load(Kind::Data, data_dir, "ttl")?];
        for path in added {
            data.push(resources::from_disk(path, "ttl")?);
        }
        for (set, flag) in
            std::iter::once((&ontology, "--ontology")).chain(data.iter().map(|d| (d, "--data or --add")))
        {
            if let (Origin::Disk(dir), true) = (&set.origin, set.files.is_empty()) {
                return Err(Error::io(
                    dir,
                    std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        format!("no .ttl file here; point {flag} at a folder of Turtle files"),
                    ),
                ));
            }
        }
        let rules = resources::load(Kind::Ontology, ontology_dir, "ru")?
            .files
            .into_iter()
            .map(|resource| RuleFile {
                path: resource.path(),
                name: resource.file_name().to_owned(),
                resource,
            })
            .collect();
        Ok(Self {
            ontology,
            data,
            rules,
        })
    }

    /// Ontology files first, then data files.
    pub fn turtle_files(&self) -> impl Iterator<Item = &Resource> {
        self.ontology
            .files
            .iter()
            .chain(self.data.iter().flat_map(|d| &d.files))
    }

    /// How many Turtle files there are.
    pub fn turtle_count(&self) -> usize {
        self.turtle_files().count()
    }

    /// Entries of the input folders that were passed over, and why.
    pub fn skipped(&self) -> impl Iterator<Item = &Skipped> {
        std::iter::once(&self.ontology)
            .chain(&self.data)
            .flat_map(|set| &set.skipped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_replace_the_built_in_files_and_added_files_extend_them() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let o = tmp.path().join("ontology");
        std::fs::create_dir_all(o.join("rules")).expect("mkdir");
        for f in [
            o.join("b.ttl"),
            o.join("a.ttl"),
            o.join("rules/10-x.ru"),
            o.join("rules/02-y.ru"),
        ] {
            std::fs::write(&f, "").expect("write");
        }
        let extra = tmp.path().join("new-article.ttl");
        std::fs::write(&extra, "").expect("write");
        let inputs = Inputs::discover(Some(&o), None, &[extra]).expect("inputs");
        let names: Vec<_> = inputs.turtle_files().map(|r| r.name.as_str()).collect();
        assert_eq!(names[..2], ["ontology/a.ttl", "ontology/b.ttl"]);
        assert!(names.contains(&"data/articles/001.ttl"), "built-in data");
        assert!(names.last().is_some_and(|n| n.ends_with("new-article.ttl")));
        let rules: Vec<_> = inputs.rules.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(rules, ["02-y.ru", "10-x.ru"]);
    }

    #[test]
    fn empty_data_folder_names_the_flag() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let empty = tmp.path().join("empty");
        std::fs::create_dir(&empty).expect("mkdir");
        let err = Inputs::discover(None, Some(&empty), &[]).expect_err("must fail");
        assert!(err.to_string().contains("--data"), "{err}");
    }
}
