//! ALB and NLB server groups: which product a command addresses (`route`), where it
//! acts ([`Site`]: product, region, client, load balancer) and the group's readers
//! (this file: members, groups, listeners and rules, paged); the backend-group model's
//! ALB/NLB implementation and the one way to send a change (`model`); the change flows
//! of remove, add and set-weight (`change`); jobs (`jobs`); health and the waits on it
//! (`health`); and listing (`show`).
//!
//! What differs between ALB and NLB (where parameters go, how a job is asked about, how
//! answers spell health and drain settings) is known only to `slb::server_groups`; the
//! code here asks it and does not branch on the product.
//!
//! May use the model (`backend_group`), the shared command modules (`context`,
//! `input`, `poll`, `rerun`, `dry_run`) and every layer below `commands`; the CLB
//! command files use this module only to hand over ALB/NLB work, never the other way
//! round.

pub(crate) mod change;
pub(crate) mod health;
pub(crate) mod jobs;
pub(crate) mod model;
pub(crate) mod show;

use std::collections::BTreeMap;

use super::context::Context;
use crate::api::client::{Client, RawAnswer};
use crate::cli::{GlobalArgs, ServerSelection};
use crate::error::{Error, Result};
use crate::slb::ids::validate_id;
use crate::slb::server_groups::answers::{
    GroupsPage, Listener, ListenersPage, Member, MembersPage, Rule, RulesPage, ServerGroup,
};
use crate::slb::server_groups::members::{MemberSpec, MemberType};
use crate::slb::server_groups::{Family, LbProduct, TOKEN_KEPT_FOR, actions};
use crate::text::quote;

/// The product a command addresses: the `--lb` prefix (`lb-` CLB, `alb-` ALB, `nlb-`
/// NLB), else `--product`. A `--product` that contradicts the prefix is a usage error;
/// an id with another prefix is CLB's unless `--product` says otherwise (as before
/// ALB/NLB existed).
pub fn product_of(lb: Option<&str>, product: Option<LbProduct>) -> Result<LbProduct> {
    let Some(lb) = lb else {
        return product.ok_or_else(|| {
            Error::usage("no load balancer given").with_hint("pass --lb LB_ID, or --product clb|alb|nlb")
        });
    };
    validate_id("load balancer id", lb)?;
    match (LbProduct::of_id(lb), product) {
        (Some(by_id), Some(given)) if by_id != given => Err(Error::usage(format!(
            "--product {} contradicts --lb {}, which is a{} {} id",
            given.name(),
            quote(lb),
            if by_id == LbProduct::Alb { "n" } else { "" },
            by_id.name().to_uppercase()
        ))
        .with_hint("drop --product: the load balancer id names the product")),
        (Some(by_id), _) => Ok(by_id),
        (None, given) => Ok(given.unwrap_or(LbProduct::Clb)),
    }
}

/// Where a backend command goes: CLB (with `--server-group` folded into
/// `--vserver-group` and every CLB-only rule checked), or an ALB/NLB family.
pub enum Route {
    Clb(ServerSelection),
    ServerGroup(Family),
}

/// The product a command's group flags address ([`product_of`]), refusing a flag of
/// another product: `--vserver-group` on ALB/NLB, a CLB command without `--lb`.
pub fn product_of_group_flags(
    lb: Option<&str>,
    product: Option<LbProduct>,
    vserver_group: Option<&str>,
) -> Result<LbProduct> {
    let product = product_of(lb, product)?;
    match product.family() {
        Some(family) if vserver_group.is_some() => {
            Err(Error::usage(format!("--vserver-group is CLB's; {} has server groups", family.label()))
                .with_hint("use --server-group sgp-…"))
        }
        None if lb.is_none() => Err(Error::usage("CLB commands need --lb").with_hint("pass --lb lb-…")),
        _ => Ok(product),
    }
}

/// Route a backend command's selection (see [`product_of_group_flags`]).
pub fn route(selection: &ServerSelection) -> Result<Route> {
    let product = product_of_group_flags(
        selection.lb.as_deref(),
        selection.product,
        selection.vserver_group.as_deref(),
    )?;
    if let Some(family) = product.family() {
        return Ok(Route::ServerGroup(family));
    }
    if let Some(t) = selection.server_type.filter(|t| matches!(t, MemberType::Ip | MemberType::Fc)) {
        return Err(Error::usage(format!(
            "--type {} is for ALB/NLB server groups; CLB takes ecs, eni or eci",
            t.api_name().to_lowercase()
        )));
    }
    if selection.port == Some(0) {
        return Err(Error::usage("--port 0 is for NLB any-port groups; CLB ports are 1-65535"));
    }
    if selection.no_wait {
        return Err(Error::usage(
            "--no-wait is for ALB/NLB jobs; CLB changes are applied when the call returns",
        ));
    }
    let mut clb = selection.clone();
    if let Some(group) = clb.server_group.take() {
        clb.vserver_group = Some(group);
    }
    Ok(Route::Clb(clb))
}

/// Where an ALB/NLB command acts: the product, the region, a client for its endpoint,
/// and the load balancer named (if any).
pub struct Site<'a> {
    pub global: &'a GlobalArgs,
    pub family: Family,
    pub region: String,
    pub client: Client,
    pub lb: Option<String>,
}

impl<'a> Site<'a> {
    /// Resolve settings and credentials for `family` and connect.
    pub fn open(global: &'a GlobalArgs, family: Family, lb: Option<&str>) -> Result<Site<'a>> {
        Site::open_with(global, family, lb, true)
    }

    /// [`Site::open`]; `endpoint_flag` false for standby, whose `--endpoint` is CLB's.
    pub fn open_with(
        global: &'a GlobalArgs,
        family: Family,
        lb: Option<&str>,
        endpoint_flag: bool,
    ) -> Result<Site<'a>> {
        let context = Context::resolve_with(global, family.lb_product(), endpoint_flag)?;
        let client = context.client(global)?;
        Ok(Site { global, family, region: context.region.value.clone(), client, lb: lb.map(str::to_owned) })
    }

    /// One call, read or change (`ClientToken` handling in `Client::call_with_body`).
    pub fn call(&self, call: &actions::Call) -> Result<Vec<u8>> {
        Ok(self.answer(call)?.body)
    }

    /// [`Site::call`], with the answer's RequestId as the client read it.
    pub fn answer(&self, call: &actions::Call) -> Result<RawAnswer> {
        self.client.call_with_body(&call.query, &call.form, TOKEN_KEPT_FOR)
    }

    /// The words of a printed command that name where it acts: `backends COMMAND --lb
    /// alb-1`, or `backends COMMAND --product alb` where no load balancer was given.
    pub fn command_words(&self, command: &str) -> Vec<String> {
        let mut words = vec!["backends".to_owned(), command.to_owned()];
        match &self.lb {
            Some(lb) => words.extend(["--lb".to_owned(), lb.clone()]),
            None => words.extend(["--product".to_owned(), self.family.lb_product().name().to_owned()]),
        }
        words
    }

    /// How messages name a group: `server group sgp-1 (web) of alb-1`.
    pub fn place(&self, group: &ServerGroup) -> String {
        self.place_of(&group.server_group_id, &group.server_group_name)
    }

    /// [`Site::place`] of a group known by id and name (the name may be empty: unread).
    pub fn place_of(&self, id: &str, name: &str) -> String {
        let name =
            if name.is_empty() { String::new() } else { format!(" ({})", crate::text::sanitize(name, 64)) };
        match &self.lb {
            Some(lb) => format!("server group {id}{name} of {lb}"),
            None => format!("{} server group {id}{name}", self.family.label()),
        }
    }
}

/// Page through a listing: `fetch(next_token)` gives a page's items and its next
/// token; stops at an empty token, and refuses a token seen before (a service that
/// loops would otherwise be read forever).
fn all_pages<T>(mut fetch: impl FnMut(Option<&str>) -> Result<(Vec<T>, Option<String>)>) -> Result<Vec<T>> {
    let mut items = Vec::new();
    let mut token: Option<String> = None;
    let mut seen = std::collections::HashSet::new();
    loop {
        let (page, next) = fetch(token.as_deref())?;
        items.extend(page);
        match next.filter(|t| !t.is_empty()) {
            None => return Ok(items),
            Some(next) if !seen.insert(next.clone()) => {
                return Err(Error::Response(format!("the listing repeats its NextToken {}", quote(&next))));
            }
            Some(next) => token = Some(next),
        }
    }
}

/// Every member of a group (`ListServerGroupServers`, every page).
pub fn read_members(site: &Site, group_id: &str) -> Result<Vec<Member>> {
    all_pages(|token| {
        let page = MembersPage::from_slice(&site.call(&actions::list_members(
            site.family,
            &site.region,
            group_id,
            token,
        ))?)?;
        Ok((page.servers, page.next_token))
    })
}

/// The groups with these ids (`ListServerGroups`, 20 ids a call, every page), in the
/// order of `ids`; an id the service does not list is left out.
pub fn read_groups(site: &Site, ids: &[String]) -> Result<Vec<ServerGroup>> {
    let mut groups: Vec<ServerGroup> = Vec::new();
    for chunk in ids.chunks(20) {
        groups.extend(all_pages(|token| {
            let page = GroupsPage::from_slice(&site.call(&actions::list_groups(
                site.family,
                &site.region,
                chunk,
                token,
            ))?)?;
            Ok((page.server_groups, page.next_token))
        })?);
    }
    let position = |g: &ServerGroup| ids.iter().position(|id| *id == g.server_group_id).unwrap_or(usize::MAX);
    groups.retain(|g| position(g) != usize::MAX);
    groups.sort_by_key(position);
    groups.dedup_by(|a, b| a.server_group_id == b.server_group_id);
    Ok(groups)
}

/// Every server group of the region (`ListServerGroups`, every page).
pub fn read_all_groups(site: &Site) -> Result<Vec<ServerGroup>> {
    all_pages(|token| {
        let page = GroupsPage::from_slice(&site.call(&actions::list_groups(
            site.family,
            &site.region,
            &[],
            token,
        ))?)?;
        Ok((page.server_groups, page.next_token))
    })
}

/// The members among `ids` of `group`, or (None) of any group of the region: every
/// page, at most 40 ids a call.
pub fn find_members(site: &Site, group: Option<&str>, ids: &[String]) -> Result<Vec<Member>> {
    let mut found = Vec::new();
    for chunk in ids.chunks(actions::MAX_FILTER_IDS) {
        found.extend(all_pages(|token| {
            let call = actions::find_members(site.family, &site.region, group, chunk, token);
            let page = MembersPage::from_slice(&site.call(&call)?)?;
            Ok((page.servers, page.next_token))
        })?);
    }
    Ok(found)
}

/// What forwards traffic to which group on one load balancer: its listeners' default
/// actions and (ALB) its forwarding rules; mirror actions are not forwarding.
pub struct Usage {
    pub listeners: Vec<Listener>,
    pub rules: Vec<Rule>,
}

impl Usage {
    /// The groups forwarded to, in the order first met.
    pub fn groups(&self) -> Vec<String> {
        let mut groups: Vec<String> = Vec::new();
        let all =
            self.listeners.iter().flat_map(Listener::groups).chain(self.rules.iter().flat_map(Rule::groups));
        for group in all {
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
        groups
    }

    /// The listeners (by id) that forward to `group` themselves or through a rule.
    pub fn listeners_of(&self, group: &str) -> Vec<&Listener> {
        let via_rules: Vec<&str> = self
            .rules
            .iter()
            .filter(|r| r.groups().iter().any(|g| g == group))
            .map(|r| r.listener_id.as_str())
            .collect();
        self.listeners
            .iter()
            .filter(|l| l.groups().iter().any(|g| g == group) || via_rules.contains(&l.listener_id.as_str()))
            .collect()
    }

    /// How `groups list` names the users of `group`: `80/HTTP`, `rule rule-1 (443/HTTPS)`.
    pub fn users_of(&self, group: &str) -> Vec<String> {
        let label_of = |listener_id: &str| {
            self.listeners
                .iter()
                .find(|l| l.listener_id == listener_id)
                .map_or_else(|| listener_id.to_owned(), Listener::label)
        };
        let mut users: Vec<String> = self
            .listeners
            .iter()
            .filter(|l| l.groups().iter().any(|g| g == group))
            .map(Listener::label)
            .collect();
        users.extend(
            self.rules
                .iter()
                .filter(|r| r.groups().iter().any(|g| g == group))
                .map(|r| format!("rule {} ({})", r.rule_id, label_of(&r.listener_id))),
        );
        users
    }
}

/// The listeners and (ALB) rules of a load balancer, every page.
pub fn read_usage(site: &Site, lb: &str) -> Result<Usage> {
    let listeners = all_pages(|token| {
        let page =
            ListenersPage::from_slice(&site.call(&actions::list_listeners(&site.region, lb, token))?)?;
        Ok((page.listeners, page.next_token))
    })?;
    let rules = match site.family {
        Family::Alb => all_pages(|token| {
            let page = RulesPage::from_slice(&site.call(&actions::list_rules(&site.region, lb, token))?)?;
            Ok((page.rules, page.next_token))
        })?,
        Family::Nlb => Vec::new(),
    };
    Ok(Usage { listeners, rules })
}

/// The group a command acts on. `--server-group` is read and, with `--lb`, checked to be
/// one that load balancer uses (exit 4 naming the load balancers it belongs to).
/// Without it, the one group the load balancer's listeners and rules forward to is
/// used (`-v` says so); several are refused (exit 2, each listed), none is exit 4.
pub fn resolve_group(site: &Site, server_group: Option<&str>) -> Result<ServerGroup> {
    let label = site.family.label();
    let Some(id) = server_group else {
        let Some(lb) = site.lb.as_deref() else {
            return Err(Error::usage(format!("{label} commands need --server-group, or --lb to find it")));
        };
        let used = read_usage(site, lb)?.groups();
        let groups = read_groups(site, &used)?;
        return match groups.len() {
            0 => Err(Error::Verification(format!(
                "{lb} has no listener or forwarding rule that forwards to a server group; nothing to act on"
            ))),
            1 => {
                let group =
                    groups.into_iter().next().ok_or_else(|| Error::Other(anyhow::anyhow!("one group")))?;
                crate::verbose!(
                    "using server group {}: the only one {lb}'s listeners use",
                    group.server_group_id
                );
                Ok(group)
            }
            n => {
                let listed: Vec<String> = groups
                    .iter()
                    .map(|g| {
                        format!("{} ({})", g.server_group_id, crate::text::sanitize(&g.server_group_name, 64))
                    })
                    .collect();
                Err(Error::usage(format!("{lb} uses {n} server groups: {}; say which", listed.join(", ")))
                    .with_hint("pass --server-group GROUP_ID (`slbctl groups list --lb LB` shows them)"))
            }
        };
    };
    validate_id("server group id", id)?;
    let group = read_groups(site, &[id.to_owned()])?
        .into_iter()
        .find(|g| g.server_group_id == id)
        .ok_or_else(|| {
            Error::Verification(format!("{label} server group {id} does not exist in region {}", site.region))
        })?;
    if let Some(lb) = site.lb.as_deref() {
        if !group.related_load_balancer_ids.iter().any(|l| l == lb) {
            let owners = match group.related_load_balancer_ids.as_slice() {
                [] => "no load balancer uses it".to_owned(),
                owners => format!("it belongs to {}", owners.join(", ")),
            };
            return Err(Error::Verification(format!(
                "server group {id} is not used by {lb}: {owners}; nothing was changed"
            )));
        }
    }
    Ok(group)
}

/// The members a spec names (a bare ID: every port of it).
pub fn covered<'m>(spec: &MemberSpec, members: &'m [Member]) -> Vec<&'m Member> {
    members.iter().filter(|m| spec.covers(&m.server_id, m.port, m.eni_address())).collect()
}

/// The members of `group` by key, for membership checks in O(1).
pub fn by_key(members: &[Member]) -> BTreeMap<String, &Member> {
    members.iter().map(|m| (m.key(), m)).collect()
}
