//! slbctl: manage the backends of Alibaba Cloud classic load balancers.
//!
//! The binary is a thin wrapper around [`run`]; data flows one way:
//! cli → config → request → sign → send → parse → output.

pub mod aliyun_config;
pub mod backends;
pub mod batch;
pub mod cli;
pub mod client;
pub mod config;
pub mod config_cmd;
pub mod configure;
pub mod context;
pub mod credentials;
pub mod endpoint;
pub mod error;
pub mod ids;
pub mod input;
pub mod interrupt;
pub mod log;
pub mod output;
pub mod profile_file;
pub mod proxy;
pub mod remove;
pub mod retry;
pub mod secret;
pub mod sign;
pub mod slb;

use clap::CommandFactory;

use cli::{BackendsCommand, Cli, Command, ConfigCommand};
pub use error::{Error, Result};

/// Run a parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    match &cli.command {
        Command::Backends(BackendsCommand::Remove(args)) => remove::run(&cli.global, args),
        Command::Backends(BackendsCommand::List(args)) => backends::list(&cli.global, args),
        Command::Backends(BackendsCommand::Add(args)) => backends::add(&cli.global, args),
        Command::Backends(BackendsCommand::SetWeight(args)) => backends::set_weight(&cli.global, args),
        Command::Configure => configure::run(&cli.global),
        Command::Config(ConfigCommand::Show) => config_cmd::show(&cli.global),
        Command::Config(ConfigCommand::List) => config_cmd::list(&cli.global),
        // Asked for explicitly, so printed even with -q.
        Command::Completions { shell } => output::emit(false, &completion_script(*shell)),
        Command::Man => output::emit(false, &man_page()?),
    }
}

/// The completion script for a shell, as committed under `completions/`.
pub fn completion_script(shell: clap_complete::Shell) -> String {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "slbctl", &mut buffer);
    String::from_utf8_lossy(&buffer).into_owned()
}

/// The roff manual page.
pub fn man_page() -> Result<String> {
    let mut buffer = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buffer).map_err(|e| Error::Other(e.into()))?;
    Ok(String::from_utf8_lossy(&buffer).into_owned())
}
