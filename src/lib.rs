//! slbctl: manage the backends of Alibaba Cloud classic load balancers.
//!
//! The binary is a thin wrapper around [`run`]; data flows one way:
//! cli → config → request → sign → send → parse → output.

pub mod cli;
pub mod client;
pub mod config;
pub mod endpoint;
pub mod error;
pub mod ids;
pub mod log;
pub mod output;
pub mod remove;
pub mod retry;
pub mod secret;
pub mod sign;
pub mod slb;

use cli::{BackendsCommand, Cli, Command};
pub use error::{Error, Result};

/// Run a parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    match &cli.command {
        Command::Backends(BackendsCommand::Remove(args)) => remove::run(&cli.global, args),
    }
}
