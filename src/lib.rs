//! slbctl: manage the backends of Alibaba Cloud classic load balancers.
//!
//! This file only wires the modules together and dispatches a parsed command line; the
//! binary (`main.rs`) calls [`main`]. The top-level modules are layers, listed here from
//! the top; each may use only the layers below it, and `tests/it/architecture.rs` fails
//! on any `crate::` path that points up or forms a cycle:
//!
//! | layer | job |
//! |---|---|
//! | `commands/` | one file per command, and what commands share |
//! | `cli` | clap definitions, and where each global option came from |
//! | `credentials/` | the credential chain and its providers |
//! | `config/` | where each setting comes from: flags, variables, the two profile files |
//! | `slb/` | the SLB product: endpoints, ids, actions and answers |
//! | `api/` | the product-agnostic RPC client: sign, request, transport, retry |
//! | `output/` | formats, tables, JSON, stderr diagnostics, the terminal decision |
//! | `error`, `interrupt`, `secret`, `source`, `text` | leaves |

pub(crate) mod api;
pub(crate) mod cli;
pub(crate) mod commands;
pub(crate) mod config;
pub(crate) mod credentials;
pub(crate) mod error;
pub(crate) mod interrupt;
pub(crate) mod output;
pub(crate) mod secret;
pub(crate) mod slb;
pub(crate) mod source;
pub(crate) mod text;

/// The one public surface besides [`main`]: what the signing benchmark and the tests of
/// the fake server and the official SDK drive directly. Everything else is
/// `pub(crate)`, so the dead-code lint sees all of it.
pub mod signing {
    pub use crate::api::request::{AccessKey, SignedRequest, sign_request};
    pub use crate::api::sign::{canonical_query, signature, string_to_sign};
    pub use crate::secret::Secret;
    pub use crate::slb::{BackendAction, BackendServerRef, Group, PRODUCT, backend_action};
}

use std::process::ExitCode;

use cli::{BackendsCommand, Cli, Command, ConfigCommand, GroupsCommand, OutputFormat, StandbyCommand};
use commands::{add, config as config_cmd, configure, docs, groups, list, remove, set_weight, standby, wait};
use error::{Error, Result};

/// The whole program: parse, run, print any error once, exit with its code.
pub fn main() -> ExitCode {
    // First, while the process is single-threaded (parse() may edit the environment).
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    // Ctrl-C and SIGTERM end the process by the signal, after a word on what was left
    // half done. The operations are idempotent, so an interrupted request is safe to
    // run again.
    interrupt::install();
    output::log::set_verbosity(cli.global.verbose);
    let format = cli.global.output;
    // A run ended by a signal still gets its audit `end` line.
    interrupt::on_signal(api::audit::finish_by_signal);
    // A change the audit log could not take fails the run, even when it succeeded.
    let result = run(&cli).and_then(|()| api::audit::failure().map_or(Ok(()), Err));
    let code = match &result {
        Ok(()) => error::exit::SUCCESS,
        Err(err) => {
            output::report_error(err, format);
            err.exit_code()
        }
    };
    api::audit::finish(code);
    ExitCode::from(code)
}

/// Run a parsed command line.
fn run(cli: &Cli) -> Result<()> {
    let global = &cli.global;
    match &cli.command {
        Command::Backends(BackendsCommand::Remove(args)) => remove::run(global, args),
        Command::Backends(BackendsCommand::List(args)) => list::run(global, args),
        Command::Backends(BackendsCommand::Add(args)) => add::run(global, args),
        Command::Backends(BackendsCommand::SetWeight(args)) => set_weight::run(global, args),
        Command::Backends(BackendsCommand::Wait(args)) => wait::run(global, args),
        Command::Groups(GroupsCommand::List(args)) => groups::list(global, args),
        Command::Standby(StandbyCommand::Enter(args)) => standby::enter(global, args),
        Command::Standby(StandbyCommand::Exit(args)) => standby::exit(global, args),
        Command::Standby(StandbyCommand::Show(args)) => standby::show(global, args),
        Command::Configure => configure::run(global),
        Command::Config(ConfigCommand::Show) => config_cmd::show(global),
        Command::Config(ConfigCommand::List) => config_cmd::list(global),
        Command::Config(ConfigCommand::ClearCache) => config_cmd::clear_cache(global),
        Command::Completions { shell } => docs::completions(*shell),
        Command::Man { dir, command } => docs::man(dir.as_deref(), command),
    }
}

/// Clap's errors as every other error: one line `slbctl: error: …`, and clap's tip ("a
/// similar argument exists: …") or its pointer to `--help` as the hint; JSON with
/// `--output json`. Help and version, and the help shown for a bare `slbctl` or
/// `slbctl backends` (a usage error, exit 2), are printed as clap prints them.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::from(error::exit::SUCCESS);
    }
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let _ = e.print();
        return ExitCode::from(error::exit::USAGE);
    }
    let text = e.render().to_string();
    // The message is clap's first paragraph, joined into one line (a list of missing
    // arguments follows a colon on lines of its own); tips and usage come after it.
    let mut paragraphs = text.split("\n\n");
    let head: Vec<&str> =
        paragraphs.next().unwrap_or("").lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let first = head.join(" ").trim_start_matches("error: ").to_owned();
    let first = if first.is_empty() { "invalid arguments".to_owned() } else { first };
    let rest: Vec<&str> = paragraphs.flat_map(str::lines).map(str::trim).collect();
    let tip = rest.iter().find_map(|l| l.strip_prefix("tip: ")).map(str::to_owned);
    let more = rest.iter().find(|l| l.starts_with("For more information")).map(|l| l.to_string());
    let mut error = Error::usage(first);
    if let Some(hint) = tip.or(more) {
        error = error.with_hint(hint);
    }
    let format = if wants_json_output() { OutputFormat::Json } else { OutputFormat::Table };
    output::report_error(&error, format);
    ExitCode::from(error::exit::USAGE)
}

/// Whether the raw arguments ask for JSON output (`--output json` / `--output=json`).
fn wants_json_output() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2).any(|w| (w[0] == "--output" || w[0] == "-o") && w[1] == "json")
        || args.iter().any(|a| a == "--output=json" || a == "-ojson" || a == "-o=json")
}
