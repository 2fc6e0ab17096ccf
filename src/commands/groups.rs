//! `slbctl groups list --lb LB`: the load balancer's default server group and every
//! vServer group (`DescribeVServerGroups` with its listeners, then
//! `DescribeVServerGroupAttribute` for each group's member count, which
//! `DescribeVServerGroups` does not give by default).

use serde::Serialize;

use super::context::Context;
use super::members::{describe, listeners_of, vserver_groups};
use super::server_group::{self, product_of};
use crate::cli::{GlobalArgs, GroupsListArgs, OutputFormat};
use crate::error::Result;
use crate::output;
use crate::slb::Group;

/// One group as listed.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Row {
    /// The vServer group id, or `default`.
    group_id: String,
    name: String,
    /// `80/http`, … (for the default group: the listeners no vServer group takes).
    listeners: Vec<String>,
    members: usize,
}

pub fn list(global: &GlobalArgs, args: &GroupsListArgs) -> Result<()> {
    if let Some(family) = product_of(Some(&args.lb), None)?.family() {
        return server_group::show::groups(global, args, family);
    }
    let context = Context::resolve(global)?;
    let client = context.client(global)?;
    let region = context.region.value.as_str();
    let default_group = Group::Default { load_balancer_id: args.lb.clone() };
    let (answer, members) = describe(&client, region, &default_group)?;
    let groups = vserver_groups(&client, region, &args.lb)?;

    let mut rows = Vec::new();
    let mut taken = Vec::new();
    for group in groups.groups() {
        let listeners: Vec<String> =
            group.listeners().iter().map(|l| format!("{}/{}", l.port, l.protocol)).collect();
        taken.extend(listeners.iter().cloned());
        let vserver = Group::VServer { group_id: group.id.clone() };
        let count = describe(&client, region, &vserver)?.1.backends().len();
        rows.push(Row { group_id: group.id.clone(), name: group.name.clone(), listeners, members: count });
    }
    let all_listeners = listeners_of(&answer.json()?);
    let default_listeners = all_listeners.into_iter().filter(|l| !taken.contains(l)).collect();
    rows.insert(
        0,
        Row {
            group_id: "default".to_owned(),
            name: "(default server group)".to_owned(),
            listeners: default_listeners,
            members: members.backends().len(),
        },
    );

    let text = match global.output {
        OutputFormat::Json => output::json(&serde_json::json!({"LoadBalancerId": args.lb, "Groups": rows})),
        OutputFormat::Text => {
            output::text_rows(rows.iter().map(|r| {
                vec![r.group_id.clone(), r.name.clone(), r.listeners.join(","), r.members.to_string()]
            }))
        }
        OutputFormat::Table => {
            let mut text = output::table(
                &["GroupId", "Name", "Listeners", "Members"],
                rows.iter().map(|r| {
                    let listeners =
                        if r.listeners.is_empty() { "-".to_owned() } else { r.listeners.join(", ") };
                    vec![r.group_id.clone(), r.name.clone(), listeners, r.members.to_string()]
                }),
                output::stdout_is_terminal(),
            );
            text.push_str(&format!("{}: {}\n", args.lb, output::count(rows.len() - 1, "vServer group")));
            text
        }
    };
    output::emit(global.quiet, &text)
}
