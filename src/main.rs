//! The `borderkg` binary: parse the arguments, run the command, turn errors into an exit code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    if std::env::var_os("BORDERKG_STORE").is_some_and(|v| v.is_empty()) {
        #[expect(clippy::print_stderr, reason = "the binary reports its one error on stderr")]
        {
            eprintln!("error: BORDERKG_STORE is set but empty: unset it, or set it to the store folder");
        }
        return ExitCode::from(2);
    }
    let cli = borderkg::cli::Cli::parse();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = borderkg::commands::run(cli, &mut out).and_then(|()| Ok(out.flush()?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if borderkg::commands::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            #[expect(clippy::print_stderr, reason = "the binary reports its one error on stderr")]
            {
                eprintln!("error: {e:#}");
            }
            ExitCode::FAILURE
        }
    }
}
