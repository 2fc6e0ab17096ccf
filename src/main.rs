//! Entry point: parse the command line, run, print any error once, exit with its code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use slbctl::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    slbctl::log::set_verbosity(cli.global.verbose);
    match slbctl::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let mut stderr = std::io::stderr().lock();
            // If stderr itself is gone there is nowhere left to report to; the exit code
            // still tells.
            let _ = writeln!(stderr, "slbctl: error: {err}");
            if let Some(hint) = err.hint() {
                let _ = writeln!(stderr, "  hint: {hint}");
            }
            err.into()
        }
    }
}
