//! remove, add and set-weight on an ALB/NLB server group.
//!
//! The flow, for all three: check everything locally (members, ports, weights, per-call
//! limits); read the group and its members; send only what would change something (a
//! non-member is not removed or re-weighted, a member is not added again; each is named
//! in a warning); guard (`--min-remaining`, `--min-healthy`) and drain (`--drain`:
//! weight 0, its job awaited, the wait, then the removal); send the changes in calls
//! within the product's limit, each with a fresh `ClientToken` and its job awaited
//! (unless `--no-wait`); read the members again and say what they are now.

use std::collections::HashSet;

use super::jobs;
use super::model::{self, Sending, Sent, ServerGroupAt};
use super::show::{self, ChangeReport};
use super::{Site, covered, read_members, resolve_group};
use crate::cli::{AddArgs, GlobalArgs, RemoveArgs, ServerSelection, SetWeightArgs, Until, WaitTiming};
use crate::commands::backend_group::BackendGroup;
use crate::commands::backend_group::drain;
use crate::commands::backend_group::guards::{self, Guards};
use crate::commands::{dry_run, input, rerun};
use crate::error::{Error, Result};
use crate::output;
use crate::slb::server_groups::actions::{self, Change, Server};
use crate::slb::server_groups::answers::{Member, ServerGroup};
use crate::slb::server_groups::members::{self, MemberSpec, MemberType};
use crate::slb::server_groups::{Family, members::parse_port};
use crate::text::quote;

/// The members asked for, checked: each spec with the text that named it.
fn selected(selection: &ServerSelection, family: Family) -> Result<Vec<(String, MemberSpec)>> {
    let requested = input::server_ids(&selection.servers, selection.from_file.as_deref())?;
    if requested.is_empty() {
        return Err(Error::usage("no server ids given"));
    }
    if let Some(port) = selection.port {
        parse_port(&port.to_string(), family).map_err(|why| Error::usage(format!("--port {why}")))?;
    }
    if let Some(group) = &selection.server_group {
        crate::slb::ids::validate_id("server group id", group)?;
    }
    let mut specs = Vec::with_capacity(requested.len());
    for text in requested {
        let mut spec = members::parse(&text, family, selection.server_type)?;
        if spec.port.is_some() && selection.port.is_some() {
            return Err(Error::usage(format!(
                "server {} has a port, and --port gives one too",
                quote(&text)
            ))
            .with_hint("give ports as ID:PORT, or one --port for all"));
        }
        if spec.server_type == MemberType::Fc && selection.port.is_some() {
            return Err(Error::usage(format!(
                "server {} is a function, which has no port; drop --port",
                quote(&text)
            )));
        }
        if spec.server_type != MemberType::Fc {
            spec.port = spec.port.or(selection.port);
        }
        specs.push((text, spec));
    }
    Ok(input::once_each(specs, MemberSpec::clone))
}

/// Refuse more members than one call takes, unless `--batch`.
fn check_call_limit(family: Family, change: Change, count: usize, batch: bool) -> Result<()> {
    let limit = family.members_per_call(change);
    if count > limit && !batch {
        return Err(Error::usage(format!(
            "{count} members given, but one {} {} call takes at most {limit}",
            family.label(),
            change.action_name()
        ))
        .with_hint(format!("pass --batch to send them as consecutive calls of at most {limit}")));
    }
    Ok(())
}

/// Everything a change needs once its input is checked: where, which group, who is in it.
struct Prepared<'a> {
    site: Site<'a>,
    group: ServerGroup,
    members: Vec<Member>,
    job_timeout: u64,
}

fn prepare<'a>(global: &'a GlobalArgs, selection: &ServerSelection, family: Family) -> Result<Prepared<'a>> {
    let mut site = Site::open(global, family, selection.lb.as_deref())?;
    let group = resolve_group(&site, selection.server_group.as_deref())?;
    // A group's jobs last as long as its connection drain: busy answers while another
    // deployer's job runs are waited out for at least that long (+60 s).
    let drain = group.drain_timeout();
    site.client
        .wait_out_busy_for_at_least(std::time::Duration::from_secs(drain.unwrap_or(0).saturating_add(60)));
    let job_timeout = selection.job_timeout.unwrap_or_else(|| jobs::default_timeout(drain));
    let members = read_members(&site, &group.server_group_id)?;
    Ok(Prepared { site, group, members, job_timeout })
}

/// Refuse members the group's type cannot hold (an `i-…` in an `Ip` group): exit 2.
fn check_types(p: &Prepared, specs: &[(String, MemberSpec)]) -> Result<()> {
    let kind = p.group.server_group_type.as_str();
    if kind.is_empty() {
        return Ok(());
    }
    for (text, spec) in specs {
        if !spec.server_type.fits(kind) {
            return Err(Error::usage(format!(
                "server {} is of type {}, which {} (type {}) cannot hold",
                quote(text),
                spec.server_type.api_name(),
                p.site.place(&p.group),
                crate::text::sanitize(kind, 20)
            )));
        }
    }
    Ok(())
}

/// A member as it is in the group, ready to send.
fn as_server(member: &Member, explicit: MemberType) -> Server {
    let kind = member.member_type().unwrap_or(explicit);
    let mut server =
        Server::new(&member.server_id, kind, member.port_of_key(), member.eni_address().map(str::to_owned));
    server.weight = member.weight;
    server.description = member.description.clone();
    server.remote_ip_enabled = member.remote_ip_enabled;
    server
}

/// The group's members that the specs name, and the specs that name none.
fn expand(specs: &[(String, MemberSpec)], members: &[Member]) -> (Vec<Server>, Vec<String>) {
    let mut found = Vec::new();
    let mut strangers = Vec::new();
    let mut keys = HashSet::new();
    for (text, spec) in specs {
        let hits = covered(spec, members);
        if hits.is_empty() {
            strangers.push(text.clone());
        }
        if spec.port.is_none() && !hits.is_empty() && spec.server_type != MemberType::Fc {
            let ports: Vec<String> = hits.iter().map(|m| m.port.to_string()).collect();
            crate::verbose!("{text}: port(s) {} in the group", ports.join(", "));
        }
        for member in hits {
            let server = as_server(member, spec.server_type);
            if keys.insert(server.key()) {
                found.push(server);
            }
        }
    }
    (found, strangers)
}

/// The words after `slbctl` that repeat a selection (for resuming), every flag that
/// shapes the calls included.
fn selection_words(command: &str, p: &Prepared, selection: &ServerSelection) -> Vec<String> {
    let mut words = p.site.command_words(command);
    words.extend(["--server-group".to_owned(), p.group.server_group_id.clone()]);
    if let Some(t) = selection.server_type {
        words.extend(["--type".to_owned(), t.api_name().to_lowercase()]);
    }
    if selection.batch {
        words.push("--batch".into());
    }
    if let Some(secs) = selection.job_timeout {
        words.extend(["--job-timeout".to_owned(), secs.to_string()]);
    }
    words
}

/// Send `servers` (see `ServerGroupAt::send`): each job awaited for `--job-timeout`,
/// except with `no_wait` the last; a failure after earlier calls succeeded is
/// [`Error::Partial`] with the command that does the rest.
fn send(
    p: &Prepared,
    change: Change,
    servers: &[Server],
    no_wait: bool,
    resume: &dyn Fn(&[String]) -> String,
) -> Result<Sent> {
    let how = Sending { no_wait, job_timeout: p.job_timeout, resume: Some(resume), job_notes: true };
    model(p).send(change, servers, &how, &mut |_, _| Ok(()))
}

/// Print the members after a change and what the calls did.
fn render_sent(p: &Prepared, after: &[Member], sent: Sent, summary: String) -> Result<()> {
    let report = ChangeReport {
        summary,
        sent_jobs: sent.job_ids,
        request_ids: sent.request_ids,
        pending: sent.pending,
    };
    show::render_change(&p.site, &p.group, after, &report)
}

/// `--no-wait` makes no sense with what waits for the change to take effect.
fn refuse_no_wait(selection: &ServerSelection, with: &str) -> Result<()> {
    if selection.no_wait {
        return Err(Error::usage(format!(
            "--no-wait returns before the change takes effect, which {with} waits for"
        )));
    }
    Ok(())
}

/// `--dry-run`: every call that would be sent, for the members as given (the ports of
/// a bare ID are found by a read, which a dry run does not make).
fn dry_run(
    global: &GlobalArgs,
    selection: &ServerSelection,
    family: Family,
    change: Change,
    servers: &[Server],
) -> Result<()> {
    let context = crate::commands::context::Context::resolve_for(global, family.lb_product())?;
    // A dry run may read (reads change nothing): the group (from --server-group, or the
    // load balancer's listeners) and its members, so that a bare ID's ports are the
    // ones that would really be sent. Without reads (no credentials, reads refused),
    // the request is shown as given, with a warning that says why.
    let read = (|| -> Result<(ServerGroup, Vec<Member>)> {
        let site = Site::open(global, family, selection.lb.as_deref())?;
        let group = resolve_group(&site, selection.server_group.as_deref())?;
        let members = read_members(&site, &group.server_group_id)?;
        Ok((group, members))
    })();
    let (group_id, servers): (String, Vec<Server>) = match read {
        Ok((group, members)) => {
            let resolved: Vec<Server> = servers
                .iter()
                .flat_map(|s| {
                    let bare = s.port.is_none() && s.server_type != MemberType::Fc;
                    match (change, bare) {
                        (Change::Add, true) if group.any_port_enabled => {
                            vec![Server { port: Some(0), ..s.clone() }]
                        }
                        (Change::Add, _) | (_, false) => vec![s.clone()],
                        (_, true) => {
                            let spec = MemberSpec {
                                server_id: s.server_id.clone(),
                                server_type: s.server_type,
                                port: None,
                                server_ip: s.server_ip.clone(),
                            };
                            let found: Vec<Server> = covered(&spec, &members)
                                .into_iter()
                                .map(|m| Server { weight: s.weight, ..as_server(m, s.server_type) })
                                .collect();
                            if found.is_empty() {
                                output::warn(&format!(
                                    "server {} is not a member of {}; not shown",
                                    quote(&s.key()),
                                    group.server_group_id
                                ));
                            }
                            found
                        }
                    }
                })
                .collect();
            (group.server_group_id, resolved)
        }
        Err(e) => {
            output::warn(&format!("ports not resolved: {e}"));
            (selection.server_group.clone().unwrap_or_else(|| "(not resolved)".to_owned()), servers.to_vec())
        }
    };
    for chunk in servers.chunks(family.members_per_call(change)) {
        let call = actions::change(
            family,
            change,
            &context.region.value,
            &group_id,
            chunk,
            "(a fresh UUID per call)",
        );
        dry_run::show_call(&context, global, family.product().api_version, (&call.query, &call.form))?;
    }
    eprintln!("slbctl: dry run: nothing was sent");
    Ok(())
}

fn as_given(specs: &[(String, MemberSpec)]) -> Vec<Server> {
    specs.iter().map(|(_, s)| Server::new(&s.server_id, s.server_type, s.port, s.server_ip.clone())).collect()
}

/// `slbctl backends remove` on an ALB/NLB group.
pub fn remove(global: &GlobalArgs, args: &RemoveArgs, family: Family) -> Result<()> {
    let selection = &args.selection;
    let specs = selected(selection, family)?;
    check_call_limit(family, Change::Remove, specs.len(), selection.batch)?;
    if args.drain.is_some() {
        refuse_no_wait(selection, "--drain")?;
        check_call_limit(family, Change::SetWeight, specs.len(), selection.batch || family == Family::Alb)?;
    }
    if selection.dry_run {
        return dry_run(global, selection, family, Change::Remove, &as_given(&specs));
    }
    let p = prepare(global, selection, family)?;
    check_types(&p, &specs)?;
    let place = p.site.place(&p.group);
    let (servers, strangers) = expand(&specs, &p.members);
    check_call_limit(family, Change::Remove, servers.len(), selection.batch)?;
    for stranger in &strangers {
        output::warn(&format!("server {} is not a member of {place}; not sent", quote(stranger)));
    }
    let guards = Guards { min_remaining: args.min_remaining, min_healthy: args.min_healthy };
    check_guards(&p, &p.members, &servers, guards)?;
    let mut words = selection_words("remove", &p, selection);
    for (flag, value) in [("--min-remaining", args.min_remaining), ("--min-healthy", args.min_healthy)] {
        if let Some(v) = value {
            words.extend([flag.to_owned(), v.to_string()]);
        }
    }
    if args.strict {
        words.push("--strict".into());
    } else if args.verify {
        words.push("--verify".into());
    }
    let mut sent = Sent::default();
    if let (Some(seconds), false) = (args.drain, servers.is_empty()) {
        drain(&p, &servers, seconds, &words, &mut sent)?;
    }
    if servers.is_empty() {
        if args.strict && !strangers.is_empty() {
            return Err(strict_failure(&strangers, &place));
        }
        return render_sent(&p, &p.members, sent, format!("nothing to remove from {place}"));
    }
    let resume = |rest: &[String]| rerun::command(global, &words, rest);
    let guarded = guards.any();
    let removal = if guarded {
        // The guards hold at the change: the group is read again right before it, and
        // after every busy answer (another deployer's job).
        p.site.client.rechecking_when_busy("the guards", &mut || {
            check_guards(&p, &read_members(&p.site, &p.group.server_group_id)?, &servers, guards)?;
            send(&p, Change::Remove, &servers, selection.no_wait, &resume)
        })?
    } else {
        send(&p, Change::Remove, &servers, selection.no_wait, &resume)?
    };
    let after = read_members(&p.site, &p.group.server_group_id)?;
    if guarded && removal.pending.is_empty() {
        undo_if_guard_broken(&p, &after, &servers, guards)?;
    }
    let still: Vec<String> = if removal.pending.is_empty() {
        let now = super::by_key(&after);
        servers.iter().map(Server::key).filter(|k| now.contains_key(k)).collect()
    } else {
        Vec::new()
    };
    let summary = if removal.pending.is_empty() {
        format!("{} removed from {place}", output::count(servers.len() - still.len(), "member"))
    } else {
        format!(
            "removal of {} from {place} accepted; job {} not awaited (--no-wait)",
            output::count(servers.len(), "member"),
            removal.pending.join(", ")
        )
    };
    sent.job_ids.extend(removal.job_ids);
    sent.request_ids.extend(removal.request_ids);
    sent.pending = removal.pending;
    render_sent(&p, &after, sent, summary)?;
    if !still.is_empty() && (args.verify || args.strict) {
        return Err(Error::Verification(format!(
            "{} of {place} still listed after the job succeeded: {}",
            output::count(still.len(), "member"),
            still.join(" ")
        )));
    }
    if args.strict && !strangers.is_empty() {
        return Err(strict_failure(&strangers, &place));
    }
    Ok(())
}

/// The group as the backend-group model has it (for the guards), its settings as read.
fn model<'p>(p: &'p Prepared) -> ServerGroupAt<'p> {
    let lbs: Vec<String> = p.site.lb.iter().cloned().collect();
    ServerGroupAt::known(&p.site, p.group.clone(), &lbs).with_job_timeout(p.job_timeout)
}

/// `--min-remaining` and `--min-healthy` against `members`, with `servers` leaving
/// (`backend_group::guards`: members already `Removing` do not count as staying).
fn check_guards(p: &Prepared, members: &[Member], servers: &[Server], guards: Guards) -> Result<()> {
    let leaving: HashSet<String> = servers.iter().map(Server::key).collect();
    let members: Vec<_> = members.iter().map(model::member_of).collect();
    guards::check(&model(p), &members, &leaving, guards)
}

/// After a guarded removal: if the group now breaks a guard (another deployer's change
/// came in meanwhile), put back what this run removed, at its weight, and exit 7
/// "changed, then undone" (exit 6 with the command that restores it if that fails).
fn undo_if_guard_broken(p: &Prepared, after: &[Member], servers: &[Server], guards: Guards) -> Result<()> {
    let model = model(p);
    let now: Vec<_> = after.iter().map(model::member_of).collect();
    let Some(broken) = guards::broken(&model, &now, guards)? else { return Ok(()) };
    // What this run removed: members before (as read, settings and all), gone now.
    let present = super::by_key(after);
    let gone: HashSet<String> = servers.iter().map(Server::key).collect();
    let removed: Vec<_> = p
        .members
        .iter()
        .filter(|m| gone.contains(&m.key()) && !present.contains_key(&m.key()))
        .map(model::member_of)
        .collect();
    Err(guards::undo(p.site.global, &model, &broken, &removed))
}

fn strict_failure(strangers: &[String], place: &str) -> Error {
    Error::Verification(format!(
        "{} not a member of {place} (--strict): {}",
        output::count(strangers.len(), "server"),
        strangers.join(" ")
    ))
}

/// `--drain` (`backend_group::drain`): weight 0 for the members, each job awaited, then
/// the wait; the weight jobs are reported with the removal's.
fn drain(p: &Prepared, servers: &[Server], seconds: u64, words: &[String], sent: &mut Sent) -> Result<()> {
    let mut again = words.to_vec();
    again.extend(["--drain".to_owned(), seconds.to_string()]);
    let keys: Vec<String> = servers.iter().map(Server::key).collect();
    let rerun = rerun::command(p.site.global, &again, &keys);
    let leaving: Vec<_> = servers.iter().map(model::member_of_server).collect();
    let drained = drain::drain(p.site.global, &model(p), &leaving, seconds, &rerun)?;
    sent.job_ids.extend(drained.job_ids);
    sent.request_ids.extend(drained.request_ids);
    Ok(())
}

/// `slbctl backends add` on an ALB/NLB group. A member already there is not sent; the
/// warning says at which weight it stays.
pub fn add(global: &GlobalArgs, args: &AddArgs, family: Family) -> Result<()> {
    let selection = &args.selection;
    let specs = selected(selection, family)?;
    check_call_limit(family, Change::Add, specs.len(), selection.batch)?;
    if args.wait_healthy {
        refuse_no_wait(selection, "--wait-healthy")?;
    }
    for (text, spec) in &specs {
        if spec.server_type == MemberType::Fc && args.weight.is_some() {
            return Err(Error::usage(format!(
                "server {} is a function, which takes no weight; drop --weight",
                quote(text)
            )));
        }
    }
    let weight = args.weight.unwrap_or(100);
    let needs_port = |spec: &MemberSpec| spec.port.is_none() && spec.server_type != MemberType::Fc;
    // A port is needed, except for a function, and on an NLB any-port group (port 0),
    // which only a read of the group can tell: checked here where no read is needed.
    if family == Family::Alb {
        if let Some((text, _)) = specs.iter().find(|(_, s)| needs_port(s)) {
            return Err(port_needed(text));
        }
    }
    let with_weight = |spec: &MemberSpec, port: Option<u16>| {
        let mut server = Server::new(&spec.server_id, spec.server_type, port, spec.server_ip.clone());
        server.weight = (spec.server_type != MemberType::Fc).then_some(weight);
        server
    };
    if selection.dry_run {
        let servers: Vec<Server> = specs.iter().map(|(_, s)| with_weight(s, s.port)).collect();
        return dry_run(global, selection, family, Change::Add, &servers);
    }
    let p = prepare(global, selection, family)?;
    check_types(&p, &specs)?;
    let place = p.site.place(&p.group);
    let present = super::by_key(&p.members);
    let mut servers = Vec::new();
    for (text, spec) in &specs {
        let port = match spec.port {
            None if needs_port(spec) && p.group.any_port_enabled => Some(0),
            None if needs_port(spec) => {
                return Err(port_needed(text).with_hint(
                    "give it as ID:PORT, or pass --port PORT (the group does not forward any port)",
                ));
            }
            port => port,
        };
        let server = with_weight(spec, port);
        match present.get(&server.key()) {
            Some(member) => output::warn(&format!(
                "server {} is already a member of {place} at weight {}; not sent (its weight is unchanged: use set-weight)",
                quote(text),
                if member.weight_text().is_empty() { "-".to_owned() } else { member.weight_text() }
            )),
            None => servers.push(server),
        }
    }
    let mut words = selection_words("add", &p, selection);
    if let Some(w) = args.weight {
        words.extend(["--weight".to_owned(), w.to_string()]);
    }
    if args.wait_healthy {
        words.push("--wait-healthy".into());
    }
    let resume = |rest: &[String]| rerun::command(global, &words, rest);
    let sent = if servers.is_empty() {
        Sent::default()
    } else {
        send(&p, Change::Add, &servers, selection.no_wait, &resume)?
    };
    let after = read_members(&p.site, &p.group.server_group_id)?;
    let summary = match (servers.len(), sent.pending.is_empty()) {
        (0, _) => format!("nothing added to {place}"),
        (n, true) => format!("{} added to {place} at weight {weight}", output::count(n, "member")),
        (n, false) => format!(
            "addition of {} to {place} accepted; job {} not awaited (--no-wait)",
            output::count(n, "member"),
            sent.pending.join(", ")
        ),
    };
    render_sent(&p, &after, sent, summary)?;
    if args.wait_healthy && !servers.is_empty() {
        wait_healthy(&p, &servers, &args.timing)?;
    }
    Ok(())
}

fn port_needed(text: &str) -> Error {
    Error::usage(format!("server {} needs a port to be added to a server group", quote(text)))
        .with_hint("give it as ID:PORT, or pass --port PORT")
}

/// `--wait-healthy`: wait until the members sent are healthy.
fn wait_healthy(p: &Prepared, servers: &[Server], timing: &WaitTiming) -> Result<()> {
    let members: Vec<_> = servers.iter().map(model::member_of_server).collect();
    model(p).wait(Until::Healthy, &members, timing)?;
    if p.site.global.shows_progress() {
        eprintln!("slbctl: {} healthy", output::count(servers.len(), "member"));
    }
    Ok(())
}

/// `slbctl backends set-weight` on an ALB/NLB group. A non-member is not sent (a
/// warning names it); a member already at the weight is not sent either.
pub fn set_weight(global: &GlobalArgs, args: &SetWeightArgs, family: Family) -> Result<()> {
    let selection = &args.selection;
    let specs = selected(selection, family)?;
    check_call_limit(family, Change::SetWeight, specs.len(), selection.batch)?;
    if args.wait_healthy {
        refuse_no_wait(selection, "--wait-healthy")?;
    }
    if let Some((text, _)) = specs.iter().find(|(_, s)| s.server_type == MemberType::Fc) {
        return Err(Error::usage(format!("server {} is a function, which takes no weight", quote(text))));
    }
    if selection.dry_run {
        let servers: Vec<Server> =
            as_given(&specs).into_iter().map(|s| Server { weight: Some(args.weight), ..s }).collect();
        return dry_run(global, selection, family, Change::SetWeight, &servers);
    }
    let p = prepare(global, selection, family)?;
    check_types(&p, &specs)?;
    let place = p.site.place(&p.group);
    let (found, strangers) = expand(&specs, &p.members);
    for stranger in &strangers {
        output::warn(&format!("server {} is not a member of {place}; not sent", quote(stranger)));
    }
    let (already, servers): (Vec<Server>, Vec<Server>) =
        found.into_iter().partition(|s| s.weight == Some(args.weight));
    for member in &already {
        crate::verbose!("{} is already at weight {}; not sent", member.key(), args.weight);
    }
    let servers: Vec<Server> =
        servers.into_iter().map(|s| Server { weight: Some(args.weight), ..s }).collect();
    check_call_limit(family, Change::SetWeight, servers.len(), selection.batch)?;
    let mut words = selection_words("set-weight", &p, selection);
    words.extend(["--weight".to_owned(), args.weight.to_string()]);
    let resume = |rest: &[String]| rerun::command(global, &words, rest);
    let sent = if servers.is_empty() {
        Sent::default()
    } else {
        send(&p, Change::SetWeight, &servers, selection.no_wait, &resume)?
    };
    let after = read_members(&p.site, &p.group.server_group_id)?;
    let changed = servers.len();
    let summary = match (changed, sent.pending.is_empty()) {
        (0, _) => format!(
            "no weight changed in {place} ({} already at {})",
            output::count(already.len(), "member"),
            args.weight
        ),
        (n, true) => format!("weight of {} in {place} set to {}", output::count(n, "member"), args.weight),
        (n, false) => format!(
            "weight {} for {} in {place} accepted; job {} not awaited (--no-wait)",
            args.weight,
            output::count(n, "member"),
            sent.pending.join(", ")
        ),
    };
    render_sent(&p, &after, sent, summary)?;
    if args.wait_healthy {
        if args.weight == 0 {
            return Err(Error::usage("--wait-healthy waits for servers to serve, which weight 0 stops"));
        }
        let mut targets = servers;
        targets.extend(already);
        wait_healthy(&p, &targets, &args.timing)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn call_limits_follow_the_product() {
        assert!(check_call_limit(Family::Alb, Change::Remove, 200, false).is_ok());
        assert_eq!(check_call_limit(Family::Alb, Change::Remove, 201, false).unwrap_err().exit_code(), 2);
        assert_eq!(check_call_limit(Family::Alb, Change::SetWeight, 41, false).unwrap_err().exit_code(), 2);
        assert!(check_call_limit(Family::Nlb, Change::SetWeight, 200, false).is_ok());
        assert!(check_call_limit(Family::Alb, Change::SetWeight, 41, true).is_ok());
    }
}
