//! Which servers a backend command works on: ids from arguments, a file or stdin,
//! checked locally before anything is sent; and the words that repeat the selection in
//! a printed command.

use clap::ValueEnum;

use super::input;
use crate::cli::ServerSelection;
use crate::error::{Error, Result};
use crate::output;
use crate::slb::Group;
use crate::slb::ids::{MemberSpec, parse_member, prepare_server_ids, validate_id};
use crate::text::quote;

/// The ids a backend command works on: from arguments, a file or stdin; checked;
/// duplicates collapsed with a warning; at most 20 unless `--batch`.
fn selected_ids(selection: &ServerSelection) -> Result<Vec<String>> {
    // Input first: a bad id is reported before any file is read or anything is sent.
    validate_id("load balancer id", selection.lb_id())?;
    let requested = input::server_ids(&selection.servers, selection.from_file.as_deref())?;
    let (ids, duplicates) = prepare_server_ids(&requested, selection.batch)?;
    for dup in &duplicates {
        output::warn(&format!("server {} is given more than once; using it once", quote(dup)));
    }
    Ok(ids)
}

/// The group a command works on, and the members asked for: `ID`, `ID:PORT` or
/// `ID:PORT@IP`, with `--port` applied. All checked locally: a port without a vServer
/// group, `--port` with `ID:PORT`, or a bad port is a usage error before anything is
/// read or sent. `port_required` (add) refuses a member without a port in a vServer
/// group.
pub fn selected_members(
    selection: &ServerSelection,
    port_required: bool,
) -> Result<(Group, Vec<MemberSpec>)> {
    let ids = selected_ids(selection)?;
    let group = group_of(selection.lb_id(), selection.vserver_group.as_ref())?;
    let mut specs = Vec::with_capacity(ids.len());
    for text in &ids {
        let mut spec = parse_member(text)?;
        if spec.port.is_some() && selection.port.is_some() {
            return Err(Error::usage(format!("server {} has a port, and --port gives one too", quote(text)))
                .with_hint("give ports as ID:PORT, or one --port for all"));
        }
        spec.port = spec.port.or(selection.port);
        if spec.port.is_some() && !group.is_vserver() {
            return Err(port_in_default_group(text));
        }
        if port_required && group.is_vserver() && spec.port.is_none() {
            return Err(Error::usage(format!("server {} needs a port in a vServer group", quote(text)))
                .with_hint("give it as ID:PORT, or pass --port PORT"));
        }
        specs.push(spec);
    }
    Ok((group, specs))
}

/// The group `--vserver-group` names (its id checked), else the load balancer's
/// default server group.
pub fn group_of(lb: &str, vserver_group: Option<&String>) -> Result<Group> {
    Ok(match vserver_group {
        Some(id) => {
            validate_id("vServer group id", id)?;
            Group::VServer { group_id: id.clone() }
        }
        None => Group::Default { load_balancer_id: lb.to_owned() },
    })
}

/// The usage error for a member given with a port where the group is the default one.
pub fn port_in_default_group(member: &str) -> Error {
    Error::usage(format!("server {} has a port, but the default server group has none", quote(member)))
        .with_hint("ports belong to vServer groups: add --vserver-group GROUP_ID")
}

/// The words after `slbctl` that repeat a command's selection flags (for resuming).
pub fn selection_words(command: &str, selection: &ServerSelection) -> Vec<String> {
    let mut words: Vec<String> =
        ["backends", command, "--lb", selection.lb_id()].iter().map(|s| s.to_string()).collect();
    if let Some(group) = &selection.vserver_group {
        words.extend(["--vserver-group".to_owned(), group.clone()]);
    }
    if let Some(t) = selection.server_type {
        words.push("--type".into());
        words.extend(t.to_possible_value().map(|v| v.get_name().to_owned()));
    }
    words
}
