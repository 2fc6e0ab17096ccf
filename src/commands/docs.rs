//! `slbctl completions SHELL` and `slbctl man`: generated from the clap definitions, so
//! they cannot drift from the real interface (a test compares the committed copies).

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::{Error, Result};
use crate::output;

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

/// Asked for explicitly, so printed even with -q.
pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    output::emit(false, &completion_script(shell))
}

pub fn man() -> Result<()> {
    output::emit(false, &man_page()?)
}
