//! `slbctl standby enter | exit | show`: take servers out of every load balancer and
//! group that holds them, and put them back exactly as they were.
//!
//! `enter` discovers the memberships (`discover`), records them in a state file
//! (`state`) before changing anything, applies `--min-remaining` per group, optionally
//! drains, then removes group by group, updating the file as each group is done.
//! Running it again continues from the file: memberships found now are added to the
//! record, recorded ones are never dropped. `exit` re-adds every recorded membership
//! with its port, weight, type and address, and removes the file only when everything
//! is back. Both stop at the first group that fails for good (no rollback), say which
//! groups are done, print the command that finishes the job, and exit 6.
//!
//! May use everything below `commands`, and the other commands' shared pieces.

mod discover;
mod state;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use super::context::Context;
use super::{batch, rerun, wait};
use crate::api::client::Client;
use crate::cli::{GlobalArgs, OutputFormat, StandbyEnterArgs, StandbyExitArgs, StandbyShowArgs};
use crate::error::{Error, Result};
use crate::output;
use crate::slb::ids::{ServerType, prepare_server_ids, validate_id};
use crate::slb::{BackendAction, BackendServerRef, Group};
use crate::text::quote;
use state::{Membership, StateFile};

/// The state files a command works on, each with the servers it records and its lock.
struct Files {
    entries: Vec<(PathBuf, Vec<String>)>,
    _locks: Vec<std::fs::File>,
}

/// The state files to work on, each with the servers it should record: one
/// `--state-file` for all of them, else a file per server, else (no ids) every state
/// file of the region, whatever servers it records (an empty list).
fn state_paths(
    region: &str,
    servers: &[String],
    state_file: Option<&PathBuf>,
) -> Result<Vec<(PathBuf, Vec<String>)>> {
    Ok(match state_file {
        Some(path) => vec![(path.clone(), servers.to_vec())],
        None => {
            let dir = state::region_dir(region)?;
            if servers.is_empty() {
                state::all_in(&dir).into_iter().map(|p| (p, Vec::new())).collect()
            } else {
                servers.iter().map(|s| (dir.join(format!("{s}.json")), vec![s.clone()])).collect()
            }
        }
    })
}

/// The state files of [`state_paths`], locked.
fn files_for(region: &str, servers: &[String], state_file: Option<&PathBuf>) -> Result<Files> {
    let entries = state_paths(region, servers, state_file)?;
    let locks = entries.iter().map(|(path, _)| state::lock(path)).collect::<Result<Vec<_>>>()?;
    Ok(Files { entries, _locks: locks })
}

/// Server ids as `standby` takes them: plain ids (no ports: every port is found).
fn server_ids(servers: &[String], required: bool) -> Result<Vec<String>> {
    if servers.is_empty() && !required {
        return Ok(Vec::new());
    }
    let (ids, _) = prepare_server_ids(servers, true)?;
    for id in &ids {
        validate_id("server id", id)?;
    }
    Ok(ids)
}

/// One row of the plan and the report.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Row {
    load_balancer_id: String,
    group: String,
    server_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    port: Option<u16>,
    weight: u32,
    action: &'static str,
    result: String,
}

fn row(m: &Membership, action: &'static str, result: &str) -> Row {
    Row {
        load_balancer_id: m.load_balancer_id.clone(),
        group: m.group_label().to_owned(),
        server_id: m.server_id.clone(),
        port: m.port,
        weight: m.weight,
        action,
        result: result.to_owned(),
    }
}

impl Row {
    /// The row's cells for a table or `--output text`, in the table's column order.
    fn cells(&self) -> Vec<String> {
        vec![
            self.load_balancer_id.clone(),
            self.group.clone(),
            self.server_id.clone(),
            self.port.map(|p| p.to_string()).unwrap_or_else(|| "-".into()),
            self.weight.to_string(),
            self.action.to_owned(),
            self.result.clone(),
        ]
    }
}

fn render(global: &GlobalArgs, rows: &[Row], files: &[PathBuf], summary: &str) -> Result<()> {
    let text = match global.output {
        OutputFormat::Json => output::json(&serde_json::json!({
            "Memberships": rows,
            "StateFiles": files.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "Summary": summary,
        })),
        OutputFormat::Text => output::text_rows(rows.iter().map(Row::cells)),
        OutputFormat::Table => {
            let mut text = String::new();
            if !rows.is_empty() {
                text = output::table(
                    &["LoadBalancer", "Group", "ServerId", "Port", "Weight", "Action", "Result"],
                    rows.iter().map(Row::cells),
                    output::stdout_is_terminal(),
                );
            }
            text.push_str(summary);
            text.push('\n');
            text
        }
    };
    output::emit(global.quiet, &text)
}

/// Memberships grouped by (load balancer, group), in a stable order.
fn by_group<'a>(
    memberships: impl Iterator<Item = &'a Membership>,
) -> BTreeMap<(String, String), Vec<Membership>> {
    let mut groups: BTreeMap<(String, String), Vec<Membership>> = BTreeMap::new();
    for m in memberships {
        groups.entry((m.load_balancer_id.clone(), m.group_label().to_owned())).or_default().push(m.clone());
    }
    groups
}

/// The member as the group's action takes it.
fn member_ref(m: &Membership, weight: Option<u32>) -> BackendServerRef {
    let server_type = ServerType::from_api(&m.server_type).unwrap_or(ServerType::Ecs);
    let mut member = BackendServerRef::new(&m.server_id, Some(server_type)).at(m.port, m.server_ip.clone());
    if let Some(weight) = weight {
        member.weight = Some(weight.to_string());
    }
    member
}

/// What to do when a group is done (or failed): update the record, and say whether to
/// go on after a failure.
type AfterGroup<'a> = dyn FnMut(&[Membership], std::result::Result<(), &Error>) -> Result<bool> + 'a;

/// Apply `action` to each group in turn; after each, `done` updates the record. A group
/// that fails for good stops the run with [`Error::Partial`] (exit 6) and `resume`.
fn group_by_group(
    (global, client, region): (&GlobalArgs, &Client, &str),
    action: BackendAction,
    groups: &BTreeMap<(String, String), Vec<Membership>>,
    weight: &dyn Fn(&Membership) -> Option<u32>,
    done: &mut AfterGroup,
    resume: &str,
) -> Result<()> {
    let labels: Vec<String> = groups.keys().map(|(lb, group)| format!("{lb}/{group}")).collect();
    for (index, (_, members)) in groups.iter().enumerate() {
        let group: Group = members[0].group();
        let refs: Vec<BackendServerRef> = members.iter().map(|m| member_ref(m, weight(m))).collect();
        let outcome = batch::run(global, client, action, region, &group, &refs, &|_| resume.to_owned());
        let keep_going = done(members, outcome.as_ref().map(|_| ()))?;
        if let (Err(failure), false) = (outcome, keep_going) {
            return Err(Error::Partial {
                verb: "done",
                failed_batch: index + 1,
                batches: groups.len(),
                failure: Box::new(failure),
                done: labels[..index].to_vec(),
                not_done: labels[index..].to_vec(),
                resume: resume.to_owned(),
            });
        }
    }
    Ok(())
}

pub fn enter(global: &GlobalArgs, args: &StandbyEnterArgs) -> Result<()> {
    let servers = server_ids(&args.servers, true)?;
    for lb in &args.lbs {
        validate_id("load balancer id", lb)?;
    }
    let context = Context::resolve(global)?;
    let region = context.region.value.clone();
    let files = files_for(&region, &servers, args.state_file.as_ref())?;
    let mut records: Vec<(PathBuf, StateFile)> = Vec::new();
    for (path, recorded) in &files.entries {
        let existing = state::load(path, &region, Some(recorded))?;
        records.push((path.clone(), existing.unwrap_or_else(|| StateFile::new(&region, recorded))));
    }
    let client = context.client(global)?;
    let scope = discover::Scope {
        region: &region,
        servers: &servers,
        lbs: &args.lbs,
        concurrency: usize::from(args.concurrency),
        fast: args.fast,
        progress: global.shows_progress(),
    };
    let found = discover::discover(&client, &scope)?;
    for m in &found.master_slave {
        output::warn(&format!(
            "{} is in master-slave server group {} of {}: standby does not handle master-slave groups, so it stays in rotation there",
            m.server_id,
            crate::text::sanitize(&m.group_id, 64),
            crate::text::sanitize(&m.load_balancer_id, 64)
        ));
    }

    // Merge: what is found now is (again) to be taken out; what was recorded stays.
    for (_, record) in &mut records {
        for m in &mut record.memberships {
            if !found.memberships.iter().any(|f| f.identity() == m.identity()) {
                m.removed = true;
            }
        }
        for f in found.memberships.iter().filter(|f| record.servers.contains(&f.server_id)) {
            match record.memberships.iter_mut().find(|m| m.identity() == f.identity()) {
                Some(m) => m.removed = false,
                None => record.memberships.push(f.clone()),
            }
        }
    }
    let to_remove: Vec<Membership> =
        records.iter().flat_map(|(_, r)| r.memberships.iter().filter(|m| !m.removed).cloned()).collect();
    let paths: Vec<PathBuf> = records.iter().map(|(p, _)| p.clone()).collect();
    if to_remove.is_empty() {
        let recorded: usize = records.iter().map(|(_, r)| r.memberships.len()).sum();
        let summary = if recorded == 0 {
            format!("{}: no membership found in {region}; nothing to do", servers.join(" "))
        } else {
            format!("already in standby: {} ({recorded} membership(s) recorded)", servers.join(" "))
        };
        return render(global, &[], &paths, &summary);
    }
    let groups = by_group(to_remove.iter());
    // Guards, per group: members are (server, port) in a vServer group.
    let staying = |lb: &String, group: &String, leaving: &[Membership]| -> (Vec<String>, usize) {
        let all = found.group_members.get(&(lb.clone(), group.clone())).cloned().unwrap_or_default();
        let gone: Vec<String> = leaving.iter().map(|m| m.identity().2).collect();
        let total = all.len();
        (all.into_iter().filter(|k| !gone.contains(k)).collect(), total)
    };
    if let Some(min) = args.min_remaining {
        for ((lb, group), members) in &groups {
            let (remaining, size) = staying(lb, group, members);
            if (remaining.len() as u64) < u64::from(min) {
                return Err(Error::Refused(format!(
                    "refusing standby: group {group} of {lb} would keep {} of its {size} members, fewer than --min-remaining {min}; nothing was changed",
                    remaining.len()
                )));
            }
        }
    }
    if let Some(min) = args.min_healthy {
        let mut health: BTreeMap<String, crate::slb::HealthResponse> = BTreeMap::new();
        for ((lb, group), members) in &groups {
            if !health.contains_key(lb) {
                health.insert(lb.clone(), wait::read_health(&client, &region, lb, None)?);
            }
            let (remaining, _) = staying(lb, group, members);
            let rows = health.get(lb).map(|h| h.rows()).unwrap_or_default();
            let healthy = wait::health_standings(&remaining, rows).iter().filter(|s| s.reached).count();
            if (healthy as u64) < u64::from(min) {
                return Err(Error::Refused(format!(
                    "refusing standby: group {group} of {lb} would keep {healthy} members normal on every listener, fewer than --min-healthy {min}; nothing was changed"
                )));
            }
        }
    }
    if args.dry_run {
        let rows: Vec<Row> = to_remove.iter().map(|m| row(m, "remove", "planned (dry run)")).collect();
        let summary = format!(
            "dry run: {} membership(s) in {} group(s) would be taken out",
            to_remove.len(),
            groups.len()
        );
        return render(global, &rows, &[], &summary);
    }
    // The record first: from here on, a crash leaves a file `exit` can use.
    for (path, record) in &records {
        state::save(path, record)?;
    }
    let mut words: Vec<String> = ["standby", "enter"].iter().map(|s| s.to_string()).collect();
    for lb in &args.lbs {
        words.extend(["--lb".to_owned(), lb.clone()]);
    }
    if let Some(path) = &args.state_file {
        words.extend(["--state-file".to_owned(), path.display().to_string()]);
    }
    let resume = rerun::command(global, &words, &servers);
    let io = (global, &client, region.as_str());
    if let Some(seconds) = args.drain {
        group_by_group(
            io,
            BackendAction::SetWeight,
            &groups,
            &|_| Some(0),
            &mut |_, r| Ok(r.is_ok()),
            &resume,
        )?;
        crate::interrupt::set_note(Some(format!(
            "{} drained to weight 0, still members; recorded in {}; to put them back: {}",
            output::count(to_remove.len(), "membership"),
            paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "),
            rerun::command(global, &["standby".into(), "exit".into()], &servers)
        )));
        super::poll::countdown(seconds);
        crate::interrupt::set_note(None);
    }
    let mut rows = Vec::new();
    group_by_group(
        io,
        BackendAction::Remove,
        &groups,
        &|_| None,
        &mut |members, outcome| {
            let result = if outcome.is_ok() { "removed" } else { "failed" };
            rows.extend(members.iter().map(|m| row(m, "remove", result)));
            if outcome.is_ok() {
                // Rewrite only the records this group touched: the others are on disk.
                for (path, record) in &mut records {
                    let mut changed = false;
                    for m in record.memberships.iter_mut().filter(|m| !m.removed) {
                        if members.iter().any(|done| done.identity() == m.identity()) {
                            m.removed = true;
                            changed = true;
                        }
                    }
                    if changed {
                        state::save(path, record)?;
                    }
                }
            }
            Ok(false)
        },
        &resume,
    )?;
    let summary = format!(
        "standby: {} taken out of {} group(s); to put them back: slbctl standby exit {}",
        output::count(to_remove.len(), "membership"),
        groups.len(),
        servers.join(" ")
    );
    render(global, &rows, &paths, &summary)
}

pub fn exit(global: &GlobalArgs, args: &StandbyExitArgs) -> Result<()> {
    let servers = server_ids(&args.servers, false)?;
    let context = Context::resolve(global)?;
    let region = context.region.value.clone();
    let files = files_for(&region, &servers, args.state_file.as_ref())?;
    let mut records: Vec<(PathBuf, StateFile)> = Vec::new();
    for (path, recorded) in &files.entries {
        let expected = (!recorded.is_empty()).then_some(recorded.as_slice());
        match state::load(path, &region, expected)? {
            Some(record) => records.push((path.clone(), record)),
            None => output::warn(&format!("no standby record at {}", path.display())),
        }
    }
    let to_add: Vec<Membership> =
        records.iter().flat_map(|(_, r)| r.memberships.iter().filter(|m| m.removed).cloned()).collect();
    let paths: Vec<PathBuf> = records.iter().map(|(p, _)| p.clone()).collect();
    if to_add.is_empty() {
        for (path, record) in &records {
            if record.memberships.iter().all(|m| m.removed) {
                state::remove(path)?;
            }
        }
        return render(global, &[], &paths, "nothing left to put back");
    }
    let groups = by_group(to_add.iter());
    if args.dry_run {
        let rows: Vec<Row> = to_add.iter().map(|m| row(m, "add", "planned (dry run)")).collect();
        let summary =
            format!("dry run: {} membership(s) in {} group(s) would be put back", to_add.len(), groups.len());
        return render(global, &rows, &paths, &summary);
    }
    let client = context.client(global)?;
    let mut words: Vec<String> = ["standby", "exit"].iter().map(|s| s.to_string()).collect();
    if let Some(path) = &args.state_file {
        words.extend(["--state-file".to_owned(), path.display().to_string()]);
    }
    let resume = rerun::command(global, &words, &servers);
    let mut rows = Vec::new();
    let mut gone = 0;
    group_by_group(
        (global, &client, &region),
        BackendAction::Add,
        &groups,
        &|m| Some(m.weight),
        &mut |members, outcome| {
            // A group (or load balancer) deleted meanwhile is reported; its entries stay.
            let deleted = outcome.err().and_then(|e| e.api()).is_some_and(|api| {
                api.code == "InvalidLoadBalancerId.NotFound"
                    || api.message.contains("VServerGroupId does not exist")
            });
            let result = match outcome {
                Ok(()) => "added",
                Err(_) if deleted => "group gone; kept in the record",
                Err(_) => "failed",
            };
            rows.extend(members.iter().map(|m| row(m, "add", result)));
            if deleted {
                gone += members.len();
            }
            if outcome.is_ok() {
                // Rewrite only the records this group touched; an empty one is done.
                for (path, record) in &mut records {
                    let before = record.memberships.len();
                    record
                        .memberships
                        .retain(|m| !members.iter().any(|done| done.identity() == m.identity()));
                    if record.memberships.is_empty() {
                        state::remove(path)?;
                    } else if record.memberships.len() != before {
                        state::save(path, record)?;
                    }
                }
            }
            Ok(deleted)
        },
        &resume,
    )?;
    if args.wait_healthy {
        let show = global.shows_progress();
        let lbs: std::collections::BTreeSet<&str> =
            to_add.iter().map(|m| m.load_balancer_id.as_str()).collect();
        for lb in lbs {
            // Each membership by its key: `ID:PORT` narrows a vServer-group member to
            // the health rows of its backend port; a bare ID (default group) needs
            // every row of the server normal.
            let ids: Vec<String> = to_add
                .iter()
                .filter(|m| m.load_balancer_id == lb)
                .map(|m| m.identity().2)
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            wait::until_healthy(&client, &region, lb, &ids, None, &args.timing, show)?;
        }
    }
    let summary = if gone > 0 {
        format!(
            "{} put back; {gone} in deleted groups stay recorded in {}",
            output::count(to_add.len() - gone, "membership"),
            paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        )
    } else {
        format!("{} put back; out of standby", output::count(to_add.len(), "membership"))
    };
    render(global, &rows, &paths, &summary)
}

pub fn show(global: &GlobalArgs, args: &StandbyShowArgs) -> Result<()> {
    let servers = server_ids(&args.servers, false)?;
    let context = Context::resolve(global)?;
    let region = context.region.value.clone();
    let entries = state_paths(&region, &servers, args.state_file.as_ref())?;
    let mut rows = Vec::new();
    let mut paths = Vec::new();
    for (path, recorded) in &entries {
        let expected = (!recorded.is_empty()).then_some(recorded.as_slice());
        if let Some(record) = state::load(path, &region, expected)? {
            rows.extend(record.memberships.iter().map(|m| {
                let result = if m.removed { "out (recorded)" } else { "still in" };
                row(m, "standby", result)
            }));
            paths.push(path.clone());
        } else if !recorded.is_empty() {
            output::warn(&format!(
                "{} is not in standby (no record at {})",
                quote(&recorded.join(" ")),
                path.display()
            ));
        }
    }
    let summary = format!("{} in {} state file(s)", output::count(rows.len(), "membership"), paths.len());
    render(global, &rows, &paths, &summary)
}
