//! Which servers a backend command works on: ids from arguments, a file or stdin,
//! checked locally before anything is sent; and the words that repeat the selection in
//! a printed command.

use clap::ValueEnum;

use super::input;
use crate::cli::ServerSelection;
use crate::error::Result;
use crate::output;
use crate::slb::ids::{prepare_server_ids, validate_id};
use crate::text::quote;

/// The ids a backend command works on: from arguments, a file or stdin; validated;
/// duplicates collapsed with a warning; at most 20 unless `--batch`.
pub fn selected_ids(selection: &ServerSelection) -> Result<Vec<String>> {
    // Input first: a bad id is reported before any file is read or anything is sent.
    validate_id("load balancer id", &selection.lb)?;
    let requested = input::server_ids(&selection.servers, selection.from_file.as_deref())?;
    let (ids, duplicates) = prepare_server_ids(&requested, selection.batch)?;
    for dup in &duplicates {
        output::warn(&format!("server {} is given more than once; using it once", quote(dup)));
    }
    Ok(ids)
}

/// The words after `slbctl` that repeat a command's selection flags (for resuming).
pub fn selection_words(command: &str, selection: &ServerSelection) -> Vec<String> {
    let mut words: Vec<String> =
        ["backends", command, "--lb", &selection.lb].iter().map(|s| s.to_string()).collect();
    if let Some(t) = selection.server_type {
        words.push("--type".into());
        words.extend(t.to_possible_value().map(|v| v.get_name().to_owned()));
    }
    words
}
