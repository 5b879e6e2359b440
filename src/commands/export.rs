//! `borderkg export`: writes the whole graph, to standard output or atomically to a file.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use crate::cli::ExportArgs;
use crate::export::{store_triples, write_triples};

pub fn run(args: &ExportArgs, store_path: &Path, out: &mut impl Write) -> anyhow::Result<()> {
    let store = crate::store::open(store_path)?;
    let triples = store_triples(&store)?;
    let Some(path) = &args.output else {
        write_triples(&triples, args.format, out)?;
        return Ok(());
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("creating a temporary file beside {}", path.display()))?;
    {
        let mut writer = std::io::BufWriter::new(tmp.as_file_mut());
        write_triples(&triples, args.format, &mut writer)?;
        writer
            .flush()
            .with_context(|| format!("writing {}", path.display()))?;
    }
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("syncing {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("moving the export into {}", path.display()))?;
    Ok(())
}
