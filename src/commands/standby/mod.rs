//! `slbctl standby enter | exit | show`: take servers out of everything that sends them
//! traffic (CLB default and vServer groups, ALB and NLB server groups), and put back
//! exactly what was there.
//!
//! `enter` discovers the memberships (`discover` for CLB, `server_groups` for ALB/NLB),
//! records them in a state file (`state`) before changing anything, applies the guards
//! per group, optionally drains (recording that it did), then removes group by group
//! (ALB/NLB groups in parallel, their jobs awaited), updating the file after each
//! change. Running it again continues from the file. A server found nowhere is an error
//! (exit 4) unless it is already in standby.
//!
//! `exit` reads the live state of every recorded group and puts back what is not there
//! (with its type, port, weight, address and description), restores the weight of
//! every membership slbctl drained that is still there at weight 0 (a weight someone
//! else changed is warned about, not overwritten), and removes the file once every
//! recorded membership is back at its weight. Running it twice is harmless. Both stop
//! at the first group that fails for good, say which groups are done, print the
//! command that finishes the job, and exit 6.
//!
//! How each product does each step is `apply`'s business; this file does not branch on
//! the product. May use everything below `commands`, and the other commands' shared
//! pieces (`server_group`, `members`, `batch`, `wait`, `poll`, `rerun`, `input`).

mod apply;
mod discover;
mod server_groups;
mod state;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Mutex;

use serde::Serialize;

use super::backend_group::{self, Member, guards};
use super::context::Context;
use super::server_group::{Site, model};
use super::{input, rerun};
use crate::cli::{GlobalArgs, LbProduct, OutputFormat, StandbyEnterArgs, StandbyExitArgs, StandbyShowArgs};
use crate::error::{Error, Result};
use crate::output;
use crate::slb::ids::validate_id;
use crate::text::quote;
use apply::{Clients, Op};
use server_groups::Wanted;
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
                servers.iter().map(|s| (dir.join(state::file_name(s)), vec![s.clone()])).collect()
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

/// The servers as standby takes them: `ID`, `ID@IP` (also found where the address is
/// registered, in ALB/NLB Ip groups), or an address alone; `-` reads them from stdin.
/// No ports: every port of a server is found.
fn wanted_servers(servers: &[String]) -> Result<Vec<Wanted>> {
    let ids = input::server_ids(servers, None)?;
    let mut wanted: Vec<Wanted> = Vec::new();
    for text in ids {
        let address = |a: &str| -> Result<String> {
            let bare = a.strip_prefix('[').and_then(|a| a.strip_suffix(']')).unwrap_or(a);
            bare.parse::<std::net::IpAddr>().map(|ip| ip.to_string()).map_err(|_| {
                Error::usage(format!("server {} has an address that is not an IP address", quote(&text)))
            })
        };
        let w = match text.split_once('@') {
            Some((id, ip)) => {
                validate_id("server id", id)?;
                Wanted { id: id.to_owned(), address: Some(address(ip)?) }
            }
            None if text.parse::<std::net::IpAddr>().is_ok() || text.starts_with('[') => {
                let ip = address(&text)?;
                Wanted { id: ip.clone(), address: Some(ip) }
            }
            None => {
                validate_id("server id", &text)?;
                Wanted { id: text.clone(), address: None }
            }
        };
        if !wanted.iter().any(|x| x.id == w.id) {
            wanted.push(w);
        }
    }
    Ok(wanted)
}

/// One row of the plan and the report.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Row {
    product: String,
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
        product: m.product.clone(),
        load_balancer_id: if m.load_balancer_ids.len() > 1 {
            m.load_balancer_ids.join(",")
        } else {
            m.load_balancer_id.clone()
        },
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
            self.product.clone(),
        ]
    }
}

const HEADER: [&str; 8] =
    ["LoadBalancer", "Group", "ServerId", "Port", "Weight", "Action", "Result", "Product"];

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
                text = output::table(&HEADER, rows.iter().map(Row::cells), output::stdout_is_terminal());
            }
            text.push_str(summary);
            text.push('\n');
            text
        }
    };
    output::emit(global.quiet, &text)
}

/// Where a group is: (product, load balancer or empty for ALB/NLB, group label).
type GroupKey = (String, String, String);

/// Memberships grouped by group, in a stable order.
fn by_group<'a>(memberships: impl Iterator<Item = &'a Membership>) -> BTreeMap<GroupKey, Vec<Membership>> {
    let mut groups: BTreeMap<GroupKey, Vec<Membership>> = BTreeMap::new();
    for m in memberships {
        let (lb, group) = m.group_key();
        groups.entry((m.product.clone(), lb, group)).or_default().push(m.clone());
    }
    groups
}

/// The clients of `products`: CLB's from `context`, ALB's and NLB's opened for them.
fn clients<'a>(
    global: &'a GlobalArgs,
    context: &Context,
    products: &BTreeSet<&'static str>,
) -> Result<Clients<'a>> {
    let clb = if products.contains("clb") { Some(context.client(global)?) } else { None };
    let mut sites = Vec::new();
    for product in [LbProduct::Alb, LbProduct::Nlb] {
        if let (true, Some(family)) = (products.contains(product.name()), product.family()) {
            // `--endpoint` addresses CLB in standby; ALB and NLB have their own.
            sites.push(Site::open_with(global, family, None, false)?);
        }
    }
    Ok(Clients { global, region: context.region.value.clone(), clb, sites })
}

fn product_names(products: &[LbProduct]) -> BTreeSet<&'static str> {
    products.iter().map(|p| p.name()).collect()
}

/// What discovery found in every product asked for: the memberships, and every
/// member of each group that holds one (for the guards), by group key.
struct Found {
    memberships: Vec<Membership>,
    group_members: HashMap<GroupKey, Vec<Member>>,
}

struct Look<'a> {
    wanted: &'a [Wanted],
    lbs: &'a [String],
    products: &'a [LbProduct],
    concurrency: usize,
    fast: bool,
}

fn discover_all(clients: &Clients, look: &Look) -> Result<Found> {
    let mut found = Found { memberships: Vec::new(), group_members: HashMap::new() };
    let ids: Vec<String> = look
        .wanted
        .iter()
        .filter(|w| w.address.as_deref() != Some(w.id.as_str()))
        .map(|w| w.id.clone())
        .collect();
    if let (true, Some(client), false) =
        (look.products.contains(&LbProduct::Clb), clients.clb.as_ref(), ids.is_empty())
    {
        let clb_lbs: Vec<String> = look
            .lbs
            .iter()
            .filter(|lb| LbProduct::of_id(lb).is_none_or(|p| p == LbProduct::Clb))
            .cloned()
            .collect();
        if look.lbs.is_empty() || !clb_lbs.is_empty() {
            let scope = discover::Scope {
                region: &clients.region,
                servers: &ids,
                lbs: &clb_lbs,
                concurrency: look.concurrency,
                fast: look.fast,
                progress: clients.global.shows_progress(),
            };
            let clb = discover::discover(client, &scope)?;
            for m in &clb.master_slave {
                output::warn(&format!(
                    "{} is in master-slave server group {} of {}: standby does not handle master-slave groups, so it stays in rotation there",
                    m.server_id,
                    crate::text::sanitize(&m.group_id, 64),
                    crate::text::sanitize(&m.load_balancer_id, 64)
                ));
            }
            found.memberships.extend(clb.memberships);
            for ((lb, group), members) in clb.group_members {
                found.group_members.insert(("clb".to_owned(), lb, group), members);
            }
        }
    }
    for site in &clients.sites {
        let sg = server_groups::discover(site, look.wanted, look.concurrency, look.fast)?;
        let product = site.family.lb_product().name().to_owned();
        for m in sg.memberships {
            // `--lb` narrows ALB/NLB groups to those its load balancers use.
            if look.lbs.is_empty() || m.load_balancer_ids.iter().any(|lb| look.lbs.contains(lb)) {
                found.memberships.push(m);
            }
        }
        for (id, (_, members)) in sg.groups {
            found
                .group_members
                .insert((product.clone(), String::new(), id), members.iter().map(model::member_of).collect());
        }
    }
    Ok(found)
}

/// The records, as the runs share them between threads.
type Records = Vec<(PathBuf, StateFile)>;

/// What happens when a group is done: update the records, and say whether a failure
/// may be passed over.
type AfterGroup<'a> =
    dyn Fn(&mut Records, &[Membership], std::result::Result<(), &Error>) -> Result<bool> + Sync + 'a;

/// Run `op` over the groups: CLB groups one after another, then ALB/NLB groups in
/// parallel (at most `concurrency` at once). `after` updates the record as each group
/// ends and says whether a failure may be passed over (a group deleted meanwhile). A
/// failure that may not stops the run (no new groups start) with [`Error::Partial`].
fn run_groups(
    clients: &Clients,
    op: Op,
    groups: &BTreeMap<GroupKey, Vec<Membership>>,
    concurrency: usize,
    records: &Mutex<Records>,
    after: &AfterGroup<'_>,
    resume: &str,
) -> Result<()> {
    let list: Vec<(&GroupKey, &Vec<Membership>)> = groups.iter().collect();
    let label = |(_, members): &(&GroupKey, &Vec<Membership>)| members[0].place();
    let outcomes: Mutex<Vec<(usize, Option<Error>)>> = Mutex::new(Vec::new());
    let stop = std::sync::atomic::AtomicBool::new(false);
    let one = |index: usize| -> Result<()> {
        let members = list[index].1;
        let mut record_job = |job: &str, chunk: &[Membership]| -> Result<()> {
            let mut records = records.lock().unwrap_or_else(|p| p.into_inner());
            mark(&mut records, chunk, |m| m.pending_job = Some(job.to_owned()))
        };
        let outcome = apply::apply(clients, op, members, &mut record_job);
        let mut held = records.lock().unwrap_or_else(|p| p.into_inner());
        let pass = after(&mut held, members, outcome.as_ref().map(|_| ()))?;
        let failure = match outcome {
            Err(e) if !pass => Some(e),
            _ => None,
        };
        if failure.is_some() {
            stop.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        outcomes.lock().unwrap_or_else(|p| p.into_inner()).push((index, failure));
        Ok(())
    };
    let (clb, sg): (Vec<usize>, Vec<usize>) = (0..list.len()).partition(|i| list[*i].1[0].family().is_none());
    for index in clb {
        if stop.load(std::sync::atomic::Ordering::Relaxed) {
            break;
        }
        one(index)?;
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let errors: Mutex<Vec<Error>> = Mutex::new(Vec::new());
    if !stop.load(std::sync::atomic::Ordering::Relaxed) {
        std::thread::scope(|threads| {
            for _ in 0..concurrency.min(sg.len()).max(1) {
                threads.spawn(|| {
                    loop {
                        if stop.load(std::sync::atomic::Ordering::Relaxed) {
                            break;
                        }
                        let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&index) = sg.get(n) else { break };
                        if let Err(e) = one(index) {
                            errors.lock().unwrap_or_else(|p| p.into_inner()).push(e);
                            stop.store(true, std::sync::atomic::Ordering::Relaxed);
                        }
                    }
                });
            }
        });
    }
    if let Some(e) = errors.into_inner().unwrap_or_else(|p| p.into_inner()).into_iter().next() {
        return Err(e);
    }
    let mut outcomes = outcomes.into_inner().unwrap_or_else(|p| p.into_inner());
    outcomes.sort_by_key(|(i, _)| *i);
    let ran: BTreeSet<usize> = outcomes.iter().map(|(i, _)| *i).collect();
    let failed_at = outcomes.iter().position(|(_, f)| f.is_some());
    if let Some(position) = failed_at {
        let (index, failure) = outcomes.swap_remove(position);
        let done: Vec<String> =
            outcomes.iter().filter(|(_, f)| f.is_none()).map(|(i, _)| label(&list[*i])).collect();
        let not_done: Vec<String> =
            (0..list.len()).filter(|i| *i == index || !ran.contains(i)).map(|i| label(&list[i])).collect();
        return Err(Error::Partial {
            verb: "done",
            failed_batch: index + 1,
            batches: list.len(),
            failure: Box::new(failure.unwrap_or_else(|| Error::Other(anyhow::anyhow!("a failed group")))),
            done,
            not_done,
            resume: resume.to_owned(),
        });
    }
    Ok(())
}

/// Change the recorded memberships that `chunk` names, and write the records that changed.
fn mark(
    records: &mut [(PathBuf, StateFile)],
    chunk: &[Membership],
    change: impl Fn(&mut Membership),
) -> Result<()> {
    for (path, record) in records.iter_mut() {
        let mut changed = false;
        for m in record.memberships.iter_mut().filter(|m| chunk.iter().any(|c| c.identity() == m.identity()))
        {
            change(m);
            changed = true;
        }
        if changed {
            state::save(path, record)?;
        }
    }
    Ok(())
}

fn join_paths(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}

pub fn enter(global: &GlobalArgs, args: &StandbyEnterArgs) -> Result<()> {
    let wanted = wanted_servers(&args.servers)?;
    let servers: Vec<String> = wanted.iter().map(|w| w.id.clone()).collect();
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
    let clients = clients(global, &context, &product_names(&args.products))?;
    let look = Look {
        wanted: &wanted,
        lbs: &args.lbs,
        products: &args.products,
        concurrency: usize::from(args.concurrency),
        fast: args.fast,
    };
    let found = discover_all(&clients, &look)?;
    let recorded: usize = records.iter().map(|(_, r)| r.memberships.len()).sum();
    // Every server must be somewhere, or already in standby: a typo, a wrong region or
    // --fast's blind spot would otherwise "succeed" while the host keeps serving.
    let holds = |w: &Wanted, m: &Membership| {
        m.server_id == w.id || w.address.as_deref() == Some(m.server_id.as_str())
    };
    let nowhere: Vec<&str> = wanted
        .iter()
        .filter(|w| {
            !found.memberships.iter().any(|m| holds(w, m))
                && !records.iter().any(|(_, r)| r.memberships.iter().any(|m| holds(w, m)))
        })
        .map(|w| w.id.as_str())
        .collect();
    if !nowhere.is_empty() {
        let mut message = format!(
            "{} {} in no load balancer or server group of {region}",
            nowhere.join(" "),
            if nowhere.len() == 1 { "is" } else { "are" }
        );
        if args.fast {
            message.push_str(" that --fast can see (CLB's ServerId filter sees default groups only; drop --fast to look in every group)");
        }
        if !args.lbs.is_empty() {
            message.push_str(&format!(" among {}", args.lbs.join(", ")));
        }
        let others: Vec<String> =
            nowhere.iter().flat_map(|s| state::regions_with_record(s, &region)).collect();
        if !others.is_empty() {
            message.push_str(&format!("; a standby record exists in {}", others.join(", ")));
        }
        return Err(Error::Verification(format!("{message}; nothing was changed")));
    }

    // Merge: what is found now is (again) to be taken out; what was recorded stays.
    for (_, record) in &mut records {
        for m in &mut record.memberships {
            if !found.memberships.iter().any(|f| f.identity() == m.identity()) {
                m.removed = true;
            }
        }
        for f in found.memberships.iter().filter(|f| {
            record.servers.iter().any(|s| {
                wanted.iter().any(|w| {
                    w.id == *s && (f.server_id == w.id || w.address.as_deref() == Some(f.server_id.as_str()))
                })
            })
        }) {
            match record.memberships.iter_mut().find(|m| m.identity() == f.identity()) {
                Some(m) => {
                    m.removed = false;
                    // A weight slbctl set to 0 itself is not the weight to put back.
                    if !(m.drained && f.weight == 0) {
                        m.weight = f.weight;
                    }
                }
                None => record.memberships.push(f.clone()),
            }
        }
    }
    let to_remove: Vec<Membership> =
        records.iter().flat_map(|(_, r)| r.memberships.iter().filter(|m| !m.removed).cloned()).collect();
    let paths: Vec<PathBuf> = records.iter().map(|(p, _)| p.clone()).collect();
    if to_remove.is_empty() {
        let summary =
            format!("already in standby: {} ({recorded} membership(s) recorded)", servers.join(" "));
        return render(global, &[], &paths, &summary);
    }
    let groups = by_group(to_remove.iter());
    // Guards, per group: what stays of its members (`backend_group::guards`: a member
    // already being removed does not stay), as discovery read them.
    for (key, members) in &groups {
        let all = found.group_members.get(key).map(Vec::as_slice).unwrap_or_default();
        let leaving: HashSet<String> = members.iter().map(Membership::member_key).collect();
        let stay = guards::staying(all, &leaving);
        if let Some(min) = args.min_remaining.filter(|min| (stay.len() as u64) < u64::from(*min)) {
            return Err(Error::Refused(format!(
                "refusing standby: group {} would keep {} of its {} members, fewer than --min-remaining {min}; nothing was changed",
                describe_group(&members[0]),
                stay.len(),
                all.len()
            )));
        }
        if let Some(min) = args.min_healthy {
            let group = apply::group_of(&clients, &members[0])?;
            let (healthy, off) = guards::healthy_count(&*group, &stay)?;
            if (healthy as u64) < u64::from(min) {
                return Err(Error::Refused(format!(
                    "refusing standby: group {} would keep {healthy} members {}{off}, fewer than --min-healthy {min}; nothing was changed",
                    describe_group(&members[0]),
                    group.wording().healthy
                )));
            }
        }
    }
    if args.dry_run {
        let mut rows = Vec::new();
        if args.drain.is_some() {
            rows.extend(
                to_remove.iter().filter(|m| m.weight > 0).map(|m| row(m, "drain", "planned (dry run)")),
            );
        }
        rows.extend(to_remove.iter().map(|m| row(m, "remove", "planned (dry run)")));
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
    if args.products.len() < 3 {
        words.extend([
            "--products".to_owned(),
            args.products.iter().map(|p| p.name()).collect::<Vec<_>>().join(","),
        ]);
    }
    let resume = rerun::command(global, &words, &servers);
    let mut undo_words: Vec<String> = vec!["standby".into(), "exit".into()];
    if let Some(path) = &args.state_file {
        undo_words.extend(["--state-file".to_owned(), path.display().to_string()]);
    }
    let undo = rerun::command(global, &undo_words, &servers);
    let recorded_in = join_paths(&paths);
    let records = Mutex::new(records);
    let concurrency = usize::from(args.concurrency);
    if let Some(seconds) = args.drain {
        let drainable: Vec<Membership> =
            to_remove.iter().filter(|m| m.weight > 0 && m.server_type != "Fc").cloned().collect();
        // Recorded before the change: a crash mid-way leaves "maybe drained", which
        // exit reads against the live weight.
        mark(&mut records.lock().unwrap_or_else(|p| p.into_inner()), &drainable, |m| m.drained = true)?;
        crate::interrupt::set_note(Some(format!(
            "draining {}: some may be at weight 0 (recorded in {recorded_in}); to finish: {resume}; to undo: {undo}",
            output::count(drainable.len(), "membership")
        )));
        let drain_groups = by_group(drainable.iter());
        run_groups(
            &clients,
            Op::Drain,
            &drain_groups,
            concurrency,
            &records,
            &|records, members, outcome| {
                mark(records, members, |m| m.pending_job = None)?;
                Ok(outcome.is_ok())
            },
            &resume,
        )?;
        crate::interrupt::set_note(Some(format!(
            "{} drained to weight 0, still members (recorded in {recorded_in}); to finish: {resume}; to undo: {undo}",
            output::count(drainable.len(), "membership")
        )));
        super::poll::countdown(seconds);
    }
    crate::interrupt::set_note(Some(format!(
        "taking {} out: some may be out already, a job may be in flight (recorded in {recorded_in}); to finish: {resume}; to undo: {undo}",
        output::count(to_remove.len(), "membership")
    )));
    let rows: Mutex<Vec<Row>> = Mutex::new(Vec::new());
    let removal = run_groups(
        &clients,
        Op::Remove,
        &groups,
        concurrency,
        &records,
        &|records, members, outcome| {
            let result = if outcome.is_ok() { "removed" } else { "failed" };
            rows.lock()
                .unwrap_or_else(|p| p.into_inner())
                .extend(members.iter().map(|m| row(m, "remove", result)));
            mark(records, members, |m| {
                m.pending_job = None;
                if outcome.is_ok() {
                    m.removed = true;
                }
            })?;
            Ok(false)
        },
        &resume,
    );
    crate::interrupt::set_note(None);
    removal?;
    let rows = rows.into_inner().unwrap_or_else(|p| p.into_inner());
    let summary = format!(
        "standby: {} taken out of {} group(s); to put them back: {undo}",
        output::count(to_remove.len(), "membership"),
        groups.len()
    );
    render(global, &rows, &paths, &summary)
}

/// `default of lb-1`, `rsp-web of lb-1`, `ALB server group sgp-1`.
fn describe_group(m: &Membership) -> String {
    match m.family() {
        Some(f) => format!("{} server group {}", f.label(), m.group_label()),
        None => format!("{} of {}", m.group_label(), m.load_balancer_id),
    }
}

/// What `exit` would do with one recorded membership, given the live state.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Plan {
    /// Not there: add it back.
    Add,
    /// There at weight 0 after slbctl drained it: set the recorded weight.
    Restore,
    /// There at the recorded weight.
    InPlace,
    /// There at another weight someone else set: warned about, left alone.
    Changed(u32),
    /// The group is gone: the entry stays in the record.
    GroupGone,
}

fn plan_of(m: &Membership, live: Option<&HashMap<String, apply::Live>>) -> Plan {
    let Some(live) = live else { return Plan::GroupGone };
    match live.get(&m.member_key()) {
        None => Plan::Add,
        Some(l) if l.status.eq_ignore_ascii_case("Removing") => Plan::Add,
        Some(l) if l.weight.is_none() || l.weight == Some(m.weight) => Plan::InPlace,
        Some(l) if m.drained && l.weight == Some(0) => Plan::Restore,
        Some(l) => Plan::Changed(l.weight.unwrap_or(0)),
    }
}

fn plan_text(plan: &Plan, m: &Membership) -> String {
    match plan {
        Plan::Add => format!("add at weight {}", m.weight),
        Plan::Restore => format!("restore weight {}", m.weight),
        Plan::InPlace => "nothing (in place)".to_owned(),
        Plan::Changed(w) => format!("nothing (weight {w} set by someone else)"),
        Plan::GroupGone => "nothing (group gone; kept in the record)".to_owned(),
    }
}

/// The live members of every group the records name (None: the group is gone).
fn live_groups(
    clients: &Clients,
    memberships: &[Membership],
) -> Result<HashMap<GroupKey, Option<HashMap<String, apply::Live>>>> {
    let mut live = HashMap::new();
    for (key, members) in by_group(memberships.iter()) {
        live.insert(key, apply::live(clients, &members[0])?);
    }
    Ok(live)
}

fn key_of(m: &Membership) -> GroupKey {
    let (lb, group) = m.group_key();
    (m.product.clone(), lb, group)
}

pub fn exit(global: &GlobalArgs, args: &StandbyExitArgs) -> Result<()> {
    let wanted = if args.servers.is_empty() { Vec::new() } else { wanted_servers(&args.servers)? };
    let servers: Vec<String> = wanted.iter().map(|w| w.id.clone()).collect();
    let context = Context::resolve(global)?;
    let region = context.region.value.clone();
    let files = files_for(&region, &servers, args.state_file.as_ref())?;
    let mut records: Vec<(PathBuf, StateFile)> = Vec::new();
    let mut unrecorded: Vec<Wanted> = Vec::new();
    for (path, recorded) in &files.entries {
        let expected = (!recorded.is_empty()).then_some(recorded.as_slice());
        match state::load(path, &region, expected)? {
            Some(record) => records.push((path.clone(), record)),
            None => unrecorded.extend(wanted.iter().filter(|w| recorded.contains(&w.id)).cloned()),
        }
    }
    let mut products: BTreeSet<&'static str> =
        records.iter().flat_map(|(_, r)| r.memberships.iter().map(|m| m.product().name())).collect();
    if !unrecorded.is_empty() {
        products.extend(product_names(&args.products));
    }
    let clients = clients(global, &context, &products)?;
    // A server without a record: live somewhere is "not in standby" (a second exit is
    // harmless); found nowhere, its patched host would never come back: exit 4.
    if !unrecorded.is_empty() {
        let look = Look {
            wanted: &unrecorded,
            lbs: &[],
            products: &args.products,
            concurrency: usize::from(args.concurrency),
            fast: false,
        };
        let live = discover_all(&clients, &look)?;
        for w in &unrecorded {
            let serving = live
                .memberships
                .iter()
                .any(|m| m.server_id == w.id || w.address.as_deref() == Some(m.server_id.as_str()));
            if serving {
                output::warn(&format!(
                    "{} is not in standby (no record in {region}; it is in rotation)",
                    w.id
                ));
            } else {
                let elsewhere = state::regions_with_record(&w.id, &region);
                let said = if elsewhere.is_empty() {
                    "and no region's state folder holds a record for it".to_owned()
                } else {
                    format!("a standby record for it exists in {}", elsewhere.join(", "))
                };
                return Err(Error::Verification(format!(
                    "{} has no standby record in {region} and is in no load balancer or server group there; {said}",
                    w.id
                )));
            }
        }
    }
    let paths: Vec<PathBuf> = records.iter().map(|(p, _)| p.clone()).collect();
    // Jobs an interrupted run left in flight: their outcome first.
    let mut pending: BTreeMap<String, &Membership> = BTreeMap::new();
    for m in records.iter().flat_map(|(_, r)| r.memberships.iter()) {
        if let Some(job) = &m.pending_job {
            pending.entry(job.clone()).or_insert(m);
        }
    }
    if !args.dry_run {
        for (job, sample) in &pending {
            crate::verbose!("standby: waiting for job {job}, in flight when the last run stopped");
            apply::settle_pending(&clients, sample, job)?;
        }
    }
    let all: Vec<Membership> = records.iter().flat_map(|(_, r)| r.memberships.iter().cloned()).collect();
    if all.is_empty() {
        for (path, _) in &records {
            state::remove(path)?;
        }
        return render(global, &[], &paths, "nothing in standby: no membership recorded");
    }
    let live = live_groups(&clients, &all)?;
    let plans: Vec<(Membership, Plan)> =
        all.iter().map(|m| (m.clone(), plan_of(m, live.get(&key_of(m)).and_then(|l| l.as_ref())))).collect();
    for (m, plan) in &plans {
        if let Plan::Changed(w) = plan {
            output::warn(&format!(
                "{} in {} is at weight {w}, not the recorded {}: someone else changed it; left as it is",
                m.member_key(),
                m.place(),
                m.weight
            ));
        }
    }
    let to_add: Vec<Membership> =
        plans.iter().filter(|(_, p)| *p == Plan::Add).map(|(m, _)| m.clone()).collect();
    let to_restore: Vec<Membership> =
        plans.iter().filter(|(_, p)| *p == Plan::Restore).map(|(m, _)| m.clone()).collect();
    if args.dry_run {
        let rows: Vec<Row> =
            plans.iter().map(|(m, p)| row(m, "exit", &format!("planned: {}", plan_text(p, m)))).collect();
        let summary = format!(
            "dry run: {} membership(s) would be put back, {} weight(s) restored",
            to_add.len(),
            to_restore.len()
        );
        return render(global, &rows, &paths, &summary);
    }
    let mut words: Vec<String> = ["standby", "exit"].iter().map(|s| s.to_string()).collect();
    if let Some(path) = &args.state_file {
        words.extend(["--state-file".to_owned(), path.display().to_string()]);
    }
    let resume = rerun::command(global, &words, &servers);
    let concurrency = usize::from(args.concurrency);
    let records = Mutex::new(records);
    let rows: Mutex<Vec<Row>> = Mutex::new(Vec::new());
    let gone: Mutex<usize> = Mutex::new(0);
    // What is in place (or changed by someone else) is back already.
    let settled: Vec<Membership> = plans
        .iter()
        .filter(|(_, p)| matches!(p, Plan::InPlace | Plan::Changed(_)))
        .map(|(m, _)| m.clone())
        .collect();
    forget(&mut records.lock().unwrap_or_else(|p| p.into_inner()), &settled)?;
    {
        let mut rows = rows.lock().unwrap_or_else(|p| p.into_inner());
        rows.extend(
            plans
                .iter()
                .filter(|(_, p)| *p == Plan::GroupGone)
                .map(|(m, _)| row(m, "add", "group gone; kept in the record")),
        );
        *gone.lock().unwrap_or_else(|p| p.into_inner()) +=
            plans.iter().filter(|(_, p)| *p == Plan::GroupGone).count();
    }
    crate::interrupt::set_note(Some(format!(
        "putting memberships back: some may be back already, a job may be in flight; to finish: {resume}"
    )));
    for (op, list, action, done) in
        [(Op::Add, &to_add, "add", "added"), (Op::Restore, &to_restore, "restore weight", "weight restored")]
    {
        let groups = by_group(list.iter());
        let outcome = run_groups(
            &clients,
            op,
            &groups,
            concurrency,
            &records,
            &|records, members, outcome| {
                // A group (or load balancer) deleted meanwhile is reported; its entries stay.
                let deleted = outcome.err().is_some_and(backend_group::is_gone);
                let result = match outcome {
                    Ok(()) => done,
                    Err(_) if deleted => "group gone; kept in the record",
                    Err(_) => "failed",
                };
                rows.lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .extend(members.iter().map(|m| row(m, action, result)));
                if deleted {
                    *gone.lock().unwrap_or_else(|p| p.into_inner()) += members.len();
                }
                if outcome.is_ok() {
                    forget(records, members)?;
                } else {
                    mark(records, members, |m| m.pending_job = None)?;
                }
                Ok(deleted)
            },
            &resume,
        );
        if let Err(e) = outcome {
            crate::interrupt::set_note(None);
            return Err(e);
        }
    }
    crate::interrupt::set_note(None);
    if args.wait_healthy {
        let back: Vec<Membership> = to_add.iter().chain(to_restore.iter()).cloned().collect();
        for (_, members) in by_group(back.iter()) {
            apply::wait_healthy(&clients, &members, &args.timing)?;
        }
    }
    let gone = gone.into_inner().unwrap_or_else(|p| p.into_inner());
    let rows = rows.into_inner().unwrap_or_else(|p| p.into_inner());
    let put_back = to_add.len().saturating_sub(gone);
    let summary = if gone > 0 {
        format!(
            "{} put back, {} weight(s) restored; {gone} in deleted groups stay recorded in {}",
            output::count(put_back, "membership"),
            to_restore.len(),
            join_paths(&paths)
        )
    } else if to_add.is_empty() && to_restore.is_empty() {
        "nothing to put back: every recorded membership is in place; out of standby".to_owned()
    } else {
        let restored = if to_restore.is_empty() {
            String::new()
        } else {
            format!(", {} weight(s) restored", to_restore.len())
        };
        format!("{} put back{restored}; out of standby", output::count(put_back, "membership"))
    };
    render(global, &rows, &paths, &summary)
}

/// Drop memberships that are back from the records; a record left empty is removed.
fn forget(records: &mut [(PathBuf, StateFile)], back: &[Membership]) -> Result<()> {
    for (path, record) in records.iter_mut() {
        let before = record.memberships.len();
        record.memberships.retain(|m| !back.iter().any(|b| b.identity() == m.identity()));
        if record.memberships.is_empty() {
            state::remove(path)?;
        } else if record.memberships.len() != before {
            state::save(path, record)?;
        }
    }
    Ok(())
}

pub fn show(global: &GlobalArgs, args: &StandbyShowArgs) -> Result<()> {
    let servers: Vec<String> = if args.servers.is_empty() {
        Vec::new()
    } else {
        wanted_servers(&args.servers)?.into_iter().map(|w| w.id).collect()
    };
    let context = Context::resolve(global)?;
    let region = context.region.value.clone();
    let entries = state_paths(&region, &servers, args.state_file.as_ref())?;
    let mut all = Vec::new();
    let mut paths = Vec::new();
    for (path, recorded) in &entries {
        let expected = (!recorded.is_empty()).then_some(recorded.as_slice());
        if let Some(record) = state::load(path, &region, expected)? {
            all.extend(record.memberships.iter().cloned());
            paths.push(path.clone());
        } else if !recorded.is_empty() {
            output::warn(&format!(
                "{} is not in standby (no record at {})",
                quote(&recorded.join(" ")),
                path.display()
            ));
        }
    }
    // The live state, where it can be read; a record is shown even when it cannot.
    let products: BTreeSet<&'static str> = all.iter().map(|m| m.product().name()).collect();
    let live = clients(global, &context, &products).and_then(|c| live_groups(&c, &all));
    if let Err(e) = &live {
        output::warn(&format!("the live state could not be read: {e}"));
    }
    let rows: Vec<Row> = all
        .iter()
        .map(|m| {
            let (live_state, plan) = match &live {
                Ok(groups) => {
                    let group = groups.get(&key_of(m)).and_then(|g| g.as_ref());
                    let state = match group.map(|g| g.get(&m.member_key())) {
                        None => "group gone".to_owned(),
                        Some(None) => "absent".to_owned(),
                        Some(Some(l))
                            if l.status.is_empty() || l.status.eq_ignore_ascii_case("Available") =>
                        {
                            format!(
                                "present at weight {}",
                                l.weight.map_or_else(|| "-".to_owned(), |w| w.to_string())
                            )
                        }
                        Some(Some(l)) => format!(
                            "present at weight {} ({})",
                            l.weight.map_or_else(|| "-".to_owned(), |w| w.to_string()),
                            crate::text::sanitize(&l.status, 20)
                        ),
                    };
                    (state, plan_text(&plan_of(m, group), m))
                }
                Err(_) => ("unknown".to_owned(), "unknown (live state not read)".to_owned()),
            };
            let pending =
                m.pending_job.as_ref().map(|j| format!("; job {j} was in flight")).unwrap_or_default();
            row(m, "standby", &format!("live: {live_state}{pending}; exit would: {plan}"))
        })
        .collect();
    let summary = format!("{} in {} state file(s)", output::count(rows.len(), "membership"), paths.len());
    render(global, &rows, &paths, &summary)
}
