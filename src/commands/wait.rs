//! `slbctl backends wait`, on any product, through the backend-group model: the
//! members named are checked locally as their product takes them, then the group waits
//! (`BackendGroup::wait`: healthy, drained or removed). What each product's answers
//! mean for the wait is the model's implementations' (`backend_group::clb`,
//! `server_group::model`); the polling itself is `poll`'s. `--job` waits for ALB/NLB
//! jobs (`server_group::jobs`).

use std::collections::HashMap;

use super::group_address::Named;
use super::input;
use super::poll;
use super::server_group::jobs;
use crate::cli::{GlobalArgs, WaitArgs};
use crate::error::{Error, Result};

/// A `--listener` value: `80` or `80/http`.
fn parse_listener(text: &str) -> Result<(u16, Option<String>)> {
    let (port, protocol) = match text.split_once('/') {
        Some((port, protocol)) => (port, Some(protocol.to_ascii_lowercase())),
        None => (text, None),
    };
    let port: u16 = port.parse().ok().filter(|p| *p > 0).ok_or_else(|| {
        Error::usage(format!(
            "--listener {} is not a port 1-65535 (or PORT/PROTOCOL)",
            crate::text::quote(text)
        ))
    })?;
    if let Some(protocol) = &protocol {
        if !["http", "https", "tcp", "udp"].contains(&protocol.as_str()) {
            return Err(Error::usage(format!(
                "--listener protocol {} is not http, https, tcp or udp",
                crate::text::quote(protocol)
            )));
        }
    }
    Ok((port, protocol))
}

/// `slbctl backends wait`.
pub fn run(global: &GlobalArgs, args: &WaitArgs) -> Result<()> {
    let named = Named::from_flags(
        args.lb.as_deref(),
        args.product,
        args.vserver_group.as_deref(),
        args.server_group.as_deref(),
    )?;
    let Some(until) = args.until else {
        return match named {
            Named::ServerGroup { family, .. } => jobs::wait_for_jobs(global, args, family),
            Named::Clb { .. } => {
                Err(Error::usage("--job is for ALB/NLB jobs; CLB changes have none")
                    .with_hint("pass --until"))
            }
        };
    };
    // Everything local first.
    let listener = args.listener.as_deref().map(parse_listener).transpose()?;
    if let (Some(_), Named::ServerGroup { family, .. }) = (&listener, &named) {
        return Err(Error::usage(format!(
            "--listener is CLB's; {} health is read from every listener that forwards to the group",
            family.label()
        )));
    }
    let requested = input::server_ids(&args.servers, args.from_file.as_deref())?;
    let wanted = named.parse_members(&requested)?;
    let connections = named.connect(global)?;
    let group = named.open(&connections, listener)?;
    let members: Vec<_> = wanted.iter().map(|(_, m)| m.clone()).collect();
    let standings = group.wait(until, &members, &args.timing)?;
    // Standings are by member key; the output names each as it was given.
    let given: HashMap<String, &str> = wanted.iter().map(|(text, m)| (m.key(), text.as_str())).collect();
    let standings: Vec<poll::Standing> = standings
        .into_iter()
        .map(|mut s| {
            if let Some(text) = given.get(&s.id) {
                s.id = (*text).to_owned();
            }
            s
        })
        .collect();
    poll::render(global, (named.load_balancer_id(), group.id().as_deref()), &standings)
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listeners_are_checked_locally() {
        assert_eq!(parse_listener("80").unwrap(), (80, None));
        assert_eq!(parse_listener("443/HTTPS").unwrap(), (443, Some("https".into())));
        for bad in ["0", "70000", "80/ftp", "x", "/http", ""] {
            assert_eq!(parse_listener(bad).unwrap_err().exit_code(), 2, "{bad}");
        }
    }
}
