//! Rebuilds the binary when a file is added to or removed from the folders it embeds (`include_dir`
//! alone notices only changes to files it already knows).

fn main() {
    for folder in ["ontology", "data", "queries"] {
        println!("cargo:rerun-if-changed={folder}");
    }
}
