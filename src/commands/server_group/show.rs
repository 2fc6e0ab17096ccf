//! What ALB/NLB commands print: the members of a group after a change (with the jobs
//! and request ids), `backends list` (every group the load balancer uses, or one), and
//! `groups list`. Text rows are `ServerId⇥Type⇥Weight⇥Port⇥Status⇥ServerGroupId`: the
//! first three columns as CLB's, so `cut -f1` scripts keep working.

use serde::Serialize;

use super::{Site, read_groups, read_members, read_usage, resolve_group};
use crate::cli::{GlobalArgs, GroupsListArgs, ListArgs, OutputFormat};
use crate::commands::rerun;
use crate::error::Result;
use crate::output;
use crate::slb::server_groups::Family;
use crate::slb::server_groups::answers::{Member, ServerGroup};

/// The read-only command that shows a group's members now.
pub fn list_command(site: &Site, group: Option<&str>) -> String {
    let mut words = site.command_words("list");
    if let Some(group) = group {
        words.extend(["--server-group".to_owned(), group.to_owned()]);
    }
    rerun::command(site.global, &words, &[])
}

/// The words of `backends wait … --job JOB_ID`.
pub fn wait_job_words(site: &Site, job_id: &str) -> Vec<String> {
    let mut words = site.command_words("wait");
    words.extend(["--job".to_owned(), job_id.to_owned()]);
    words
}

/// What a change did, for its output.
pub struct ChangeReport {
    /// One line that says exactly what happened.
    pub summary: String,
    /// Every job of the run, in order (drain jobs first).
    pub sent_jobs: Vec<String>,
    pub request_ids: Vec<String>,
    /// Jobs accepted and not awaited (`--no-wait`).
    pub pending: Vec<String>,
}

fn rows<'a>(members: impl Iterator<Item = &'a Member>) -> Vec<Vec<String>> {
    members
        .map(|m| {
            vec![
                m.server_id.clone(),
                m.server_type.clone(),
                m.weight_text(),
                m.port_of_key().map(|p| p.to_string()).unwrap_or_default(),
                m.status.clone(),
                m.server_group_id.clone(),
            ]
        })
        .collect()
}

const HEADER: [&str; 6] = ["ServerId", "Type", "Weight", "Port", "Status", "ServerGroupId"];

/// The members after a change, and what the change did.
pub fn render_change(
    site: &Site,
    group: &ServerGroup,
    after: &[Member],
    report: &ChangeReport,
) -> Result<()> {
    #[derive(Serialize)]
    #[serde(rename_all = "PascalCase")]
    struct Out<'a> {
        product: &'static str,
        load_balancer_id: Option<&'a str>,
        server_group_id: &'a str,
        summary: &'a str,
        job_ids: &'a [String],
        /// Jobs not awaited (`--no-wait`): their outcome is not known yet.
        pending_job_ids: &'a [String],
        request_ids: &'a [String],
        servers: &'a [Member],
    }
    let global = site.global;
    let text = match global.output {
        OutputFormat::Json => output::json(&Out {
            product: site.family.label(),
            load_balancer_id: site.lb.as_deref(),
            server_group_id: &group.server_group_id,
            summary: &report.summary,
            job_ids: &report.sent_jobs,
            pending_job_ids: &report.pending,
            request_ids: &report.request_ids,
            servers: after,
        }),
        // With --no-wait, what a script needs next is the job ids, one a line.
        OutputFormat::Text if !report.pending.is_empty() => {
            output::text_rows(report.pending.iter().map(|j| vec![j.clone()]))
        }
        OutputFormat::Text => output::text_rows(rows(after.iter()).into_iter()),
        OutputFormat::Table => {
            let mut text =
                output::table(&HEADER, rows(after.iter()).into_iter(), output::stdout_is_terminal());
            let jobs = if report.sent_jobs.is_empty() {
                String::new()
            } else {
                format!("; job {}", report.sent_jobs.join(", "))
            };
            text.push_str(&crate::text::sanitize(
                &format!("{}; {} in the group{jobs}", report.summary, output::count(after.len(), "member")),
                usize::MAX,
            ));
            text.push('\n');
            text
        }
    };
    output::emit(global.quiet, &text)
}

/// `slbctl backends list` on ALB/NLB: one group, or every group the load balancer uses.
pub fn list(global: &GlobalArgs, args: &ListArgs, family: Family) -> Result<()> {
    if args.vserver_group.is_some() {
        return Err(crate::error::Error::usage(format!(
            "--vserver-group is CLB's; {} has server groups",
            family.label()
        ))
        .with_hint("use --server-group sgp-…"));
    }
    let site = Site::open(global, family, args.lb.as_deref())?;
    let groups: Vec<ServerGroup> = match (&args.server_group, &site.lb) {
        (Some(id), _) => vec![resolve_group(&site, Some(id))?],
        (None, Some(lb)) => read_groups(&site, &read_usage(&site, lb)?.groups())?,
        (None, None) => vec![resolve_group(&site, None)?],
    };
    let mut members: Vec<Member> = Vec::new();
    for group in &groups {
        let mut of_group = read_members(&site, &group.server_group_id)?;
        for m in &mut of_group {
            if m.server_group_id.is_empty() {
                m.server_group_id.clone_from(&group.server_group_id);
            }
        }
        members.extend(of_group);
    }
    let text = match global.output {
        OutputFormat::Json => output::json(&serde_json::json!({
            "Product": family.label(),
            "LoadBalancerId": site.lb,
            "ServerGroupIds": groups.iter().map(|g| g.server_group_id.clone()).collect::<Vec<_>>(),
            "Servers": members,
        })),
        OutputFormat::Text => output::text_rows(rows(members.iter()).into_iter()),
        OutputFormat::Table => {
            let mut text =
                output::table(&HEADER, rows(members.iter()).into_iter(), output::stdout_is_terminal());
            let place = site.lb.clone().unwrap_or_else(|| family.label().to_owned());
            text.push_str(&format!(
                "{place}: {} in {}\n",
                output::count(members.len(), "member"),
                output::count(groups.len(), "server group")
            ));
            text
        }
    };
    output::emit(global.quiet, &text)
}

/// `slbctl groups list --lb alb-…|nlb-…`: the groups the load balancer's listeners and
/// rules use, with who uses each, member count and connection-drain setting.
pub fn groups(global: &GlobalArgs, args: &GroupsListArgs, family: Family) -> Result<()> {
    #[derive(Serialize)]
    #[serde(rename_all = "PascalCase")]
    struct Row {
        server_group_id: String,
        name: String,
        #[serde(rename = "Type")]
        kind: String,
        protocol: String,
        used_by: Vec<String>,
        members: usize,
        /// Seconds, when connection draining is on.
        connection_drain_timeout: Option<u64>,
        health_check: bool,
    }
    let site = Site::open(global, family, Some(&args.lb))?;
    let usage = read_usage(&site, &args.lb)?;
    let groups = read_groups(&site, &usage.groups())?;
    let mut rows = Vec::new();
    for group in &groups {
        let members = read_members(&site, &group.server_group_id)?.len();
        rows.push(Row {
            server_group_id: group.server_group_id.clone(),
            name: group.server_group_name.clone(),
            kind: group.server_group_type.clone(),
            protocol: group.protocol.clone(),
            used_by: usage.users_of(&group.server_group_id),
            members,
            connection_drain_timeout: group.drain_timeout(),
            health_check: group.health_check_enabled(),
        });
    }
    let cells = |r: &Row| {
        vec![
            r.server_group_id.clone(),
            r.name.clone(),
            r.kind.clone(),
            r.protocol.clone(),
            r.used_by.join(","),
            r.members.to_string(),
            r.connection_drain_timeout.map_or_else(|| "off".to_owned(), |s| format!("{s} s")),
        ]
    };
    let text = match global.output {
        OutputFormat::Json => output::json(
            &serde_json::json!({"Product": family.label(), "LoadBalancerId": args.lb, "Groups": rows}),
        ),
        OutputFormat::Text => output::text_rows(rows.iter().map(cells)),
        OutputFormat::Table => {
            let mut text = output::table(
                &["ServerGroupId", "Name", "Type", "Protocol", "UsedBy", "Members", "Drain"],
                rows.iter().map(cells),
                output::stdout_is_terminal(),
            );
            text.push_str(&format!("{}: {}\n", args.lb, output::count(rows.len(), "server group")));
            text
        }
    };
    output::emit(global.quiet, &text)
}
