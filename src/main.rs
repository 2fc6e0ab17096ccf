//! Entry point: parse the command line, run, print any error once, exit with its code.

use std::process::ExitCode;

use slbctl::cli::OutputFormat;
use slbctl::{Error, output};

fn main() -> ExitCode {
    // First, while the process is single-threaded (parse() may edit the environment).
    let cli = match slbctl::cli::parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    // Die by Ctrl-C with a word and the conventional status, not mid-sentence. The
    // operations are idempotent, so an interrupted request is safe to run again.
    slbctl::interrupt::install();
    slbctl::log::set_verbosity(cli.global.verbose);
    let format = cli.global.output;
    match slbctl::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            output::report_error(&err, format);
            err.into()
        }
    }
}

/// Clap's own errors (and --help/--version) as clap prints them, except that with
/// `--output json` on the command line a usage error is JSON too.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    // `slbctl` or `slbctl backends` alone shows help, but as a usage error (exit 2).
    let is_error = !matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
    if is_error && wants_json_output() {
        let text = e.render().to_string();
        let first = text.lines().next().unwrap_or("").trim_start_matches("error: ").to_owned();
        output::report_error(&Error::usage(first), OutputFormat::Json);
        return ExitCode::from(slbctl::error::exit::USAGE);
    }
    let _ = e.print();
    ExitCode::from(if is_error { slbctl::error::exit::USAGE } else { 0 })
}

/// Whether the raw arguments ask for JSON output (`--output json` / `--output=json`).
fn wants_json_output() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2).any(|w| w[0] == "--output" && w[1] == "json") || args.iter().any(|a| a == "--output=json")
}
