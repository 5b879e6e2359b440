//! `borderkg completions` and `borderkg man`: shell completions and the manual page, generated from
//! the same argument definitions as `--help`.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;

pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> anyhow::Result<()> {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "borderkg", out);
    Ok(())
}

pub fn man(out: &mut impl Write) -> anyhow::Result<()> {
    let command = Cli::command();
    clap_mangen::Man::new(command.clone()).render(out)?;
    for sub in command.get_subcommands() {
        let page = sub.clone().name(format!("borderkg-{}", sub.get_name()));
        clap_mangen::Man::new(page).render(out)?;
    }
    Ok(())
}
