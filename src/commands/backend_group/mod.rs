//! The product-neutral model of "a group of backends on a load balancer": its members
//! (id, type, port, weight, address, status) and what can be done with them: list,
//! add, remove, set weight, read health, and wait until a change has taken effect.
//! [`BackendGroup`] is the model; its implementations are the products:
//!
//! - `clb`: a CLB load balancer's default server group and its vServer groups (one
//!   implementation; `slb::Group` says which). CLB's calls take effect when they
//!   return, and its health is `DescribeHealthStatus` of the load balancer.
//! - `alb_nlb`: an ALB or NLB server group. Its changes are jobs, awaited; its health
//!   is read from every listener (and ALB rule) that forwards to it.
//!
//! Where each product's knowledge lives: the wire form of CLB's calls and answers in
//! `slb` (`slb::ids` for its ids); ALB's and NLB's in `slb::server_groups` (the only
//! place that tells ALB from NLB); what a CLB answer means for a group (membership,
//! health, the polls of a wait) in `clb.rs` here; an ALB/NLB group's reads, jobs and
//! health in `commands::server_group`, which `alb_nlb.rs` adapts to the model.
//! [`open`] is the one place that picks an implementation from a group's address.
//!
//! Who uses the model: standby (every product, through this trait only) and
//! `backends wait --until`. The change commands (`remove`, `add`, `set-weight`) and
//! `list` keep one flow per product, chosen once at their start, because their outputs
//! differ by contract (CLB's stay as they were; ALB/NLB's carry jobs and the group).
//!
//! May use the shared command modules (`members`, `batch`, `poll`, `server_group`) and
//! every layer below `commands`.

pub(crate) mod alb_nlb;
pub(crate) mod clb;

use crate::api::client::Client;
use crate::cli::{GlobalArgs, Until, WaitTiming};
use crate::commands::poll::Standing;
use crate::commands::server_group::Site;
use crate::error::{Error, Result};
use crate::slb::server_groups::actions;
pub use crate::slb::server_groups::actions::Change;
use crate::slb::server_groups::members::MemberType;
use crate::slb::server_groups::{Family, LbProduct};

/// One member of a group, whatever the product. A member with no port is, in a
/// default CLB group or for a function, the member itself; in a query (wait, health)
/// where the group has ports, every port of that server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub server_id: String,
    pub kind: MemberType,
    pub port: Option<u16>,
    /// None when the product did not say (or, for a change, leaves it as it is).
    pub weight: Option<u32>,
    /// The address of an ENI member, which tells its memberships apart.
    pub ip: Option<String>,
    /// ALB/NLB: `Available`, `Adding`, `Removing`, …; empty for CLB, whose members are
    /// in the group as soon as a call returns.
    pub status: String,
    /// Sent when the member is added back (ALB/NLB); kept as read.
    pub description: Option<String>,
    pub remote_ip_enabled: Option<bool>,
}

impl Member {
    /// A member with the fields every product has; the rest empty.
    pub fn new(server_id: &str, kind: MemberType, port: Option<u16>, ip: Option<String>) -> Member {
        Member {
            server_id: server_id.to_owned(),
            kind,
            port,
            weight: None,
            ip: ip.filter(|_| kind == MemberType::Eni),
            status: String::new(),
            description: None,
            remote_ip_enabled: None,
        }
    }

    /// The member's key within its group: `i-a`, `i-a:80`, `eni-1:80@10.0.0.5`,
    /// `[2001:db8::1]:80`, or a function's ARN. One rule for every product: CLB's keys
    /// are the same as ALB/NLB's for the member types CLB has.
    pub fn key(&self) -> String {
        actions::member_key(&self.server_id, self.port, self.ip.as_deref(), self.kind)
    }
}

/// A change call the service took: on ALB/NLB, the job that applies it; on CLB, none
/// (the call is in effect when it returns).
#[derive(Debug, Clone, Default)]
pub struct Accepted {
    pub job_id: Option<String>,
}

/// A group of backends on a load balancer (see the module doc for its implementations).
pub trait BackendGroup {
    /// How messages name the group: `vServer group rsp-1 of lb-1`, `server group sgp-1
    /// (web) of alb-1`.
    fn place(&self) -> String;

    /// How progress lines and wait outputs name where the group is: `lb-1`,
    /// `lb-1/rsp-1`, `alb-1/sgp-1`.
    fn short_place(&self) -> String;

    /// Every member now; None when the group (or its load balancer) no longer exists.
    fn members(&self) -> Result<Option<Vec<Member>>>;

    /// Add, remove or re-weight `members` (to the weights they carry), in calls within
    /// the product's limits. Each call's effect is awaited before the next call (an
    /// ALB/NLB job; a CLB call is in effect when it returns); `accepted` hears each call
    /// as soon as the service took it, with the members it covers, before that.
    fn change(
        &self,
        change: Change,
        members: &[Member],
        accepted: &mut dyn FnMut(&Accepted, &[Member]) -> Result<()>,
    ) -> Result<()>;

    /// Whether each of `members` (as [`BackendGroup::members`] gave them) is healthy now:
    /// in service at a weight above 0 and reported healthy by every listener that serves
    /// it.
    fn health(&self, members: &[Member]) -> Result<Vec<Standing>>;

    /// Poll until every one of `members` has reached `until` (healthy, drained: weight
    /// 0 on two polls, removed: no longer listed), within `timing`. A server that is
    /// never a member fails the wait early (exit 4), as does health that can never be
    /// reported.
    fn wait(&self, until: Until, members: &[Member], timing: &WaitTiming) -> Result<Vec<Standing>>;

    /// Wait for a change an earlier run left in flight (an ALB/NLB job); CLB changes
    /// leave none. A job the service no longer knows is done as far as this goes: the
    /// members say what happened.
    fn settle(&self, job_id: &str) -> Result<()>;
}

/// Where a group is: the coordinates that differ by product.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// A CLB load balancer's default group (`vserver_group` None) or a vServer group.
    Clb { load_balancer_id: String, vserver_group_id: Option<String> },
    /// An ALB/NLB server group, and the load balancers that use it (for health).
    ServerGroup { family: Family, server_group_id: String, load_balancer_ids: Vec<String> },
}

/// The connections a group is reached through: CLB's client, and a site for each
/// ALB/NLB family in use.
pub struct Connections<'a> {
    pub global: &'a GlobalArgs,
    pub region: String,
    pub clb: Option<Client>,
    pub sites: Vec<Site<'a>>,
}

impl Connections<'_> {
    /// The site of an ALB/NLB family.
    pub fn site(&self, family: Family) -> Result<&Site<'_>> {
        self.sites.iter().find(|s| s.family == family).ok_or_else(|| {
            Error::Other(anyhow::anyhow!("no {} client for a {} group", family.label(), family.label()))
        })
    }
}

/// The group at `address`, as the model (the one place that picks an implementation).
pub fn open<'c>(connections: &'c Connections<'_>, address: &Address) -> Result<Box<dyn BackendGroup + 'c>> {
    match address {
        Address::Clb { load_balancer_id, vserver_group_id } => {
            let client = connections
                .clb
                .as_ref()
                .ok_or_else(|| Error::Other(anyhow::anyhow!("no CLB client for a CLB group")))?;
            Ok(Box::new(clb::ClbGroup::new(
                connections.global,
                client,
                &connections.region,
                load_balancer_id,
                vserver_group_id.as_deref(),
            )))
        }
        Address::ServerGroup { family, server_group_id, load_balancer_ids } => {
            let site = connections.site(*family)?;
            Ok(Box::new(alb_nlb::ServerGroupAt::new(site, server_group_id, load_balancer_ids)))
        }
    }
}

/// A group as a command names it (`--lb`, `--product`, `--vserver-group`,
/// `--server-group`), checked locally: nothing is read or sent to make one. It parses
/// the members named for that product, connects, and finds the group (an ALB/NLB
/// group may have to be found from the load balancer's listeners).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    Clb { load_balancer_id: String, vserver_group_id: Option<String> },
    ServerGroup { family: Family, load_balancer_id: Option<String>, server_group_id: Option<String> },
}

impl Named {
    /// From the flags; the product from the `--lb` prefix or `--product` (a
    /// contradiction, or a flag of another product, is exit 2).
    pub fn from_flags(
        lb: Option<&str>,
        product: Option<LbProduct>,
        vserver_group: Option<&str>,
        server_group: Option<&str>,
    ) -> Result<Named> {
        let product = crate::commands::server_group::product_of(lb, product)?;
        for id in [vserver_group, server_group].into_iter().flatten() {
            crate::slb::ids::validate_id("group id", id)?;
        }
        match product.family() {
            Some(family) => {
                if vserver_group.is_some() {
                    return Err(Error::usage(format!(
                        "--vserver-group is CLB's; {} has server groups",
                        family.label()
                    ))
                    .with_hint("use --server-group sgp-…"));
                }
                Ok(Named::ServerGroup {
                    family,
                    load_balancer_id: lb.map(str::to_owned),
                    server_group_id: server_group.map(str::to_owned),
                })
            }
            None => {
                let lb =
                    lb.ok_or_else(|| Error::usage("CLB commands need --lb").with_hint("pass --lb lb-…"))?;
                // For CLB, --server-group is another name of --vserver-group.
                Ok(Named::Clb {
                    load_balancer_id: lb.to_owned(),
                    vserver_group_id: vserver_group.or(server_group).map(str::to_owned),
                })
            }
        }
    }

    /// The members `texts` name, each with its text, checked as this product takes
    /// them (a bare ID: every port of it). Duplicates are used once, with a warning.
    pub fn parse_members(&self, texts: &[String]) -> Result<Vec<(String, Member)>> {
        let parsed = match self {
            Named::Clb { vserver_group_id, .. } => clb::parse_members(texts, vserver_group_id.is_some())?,
            Named::ServerGroup { family, .. } => alb_nlb::parse_members(texts, *family)?,
        };
        let mut seen = std::collections::HashSet::new();
        let mut unique = Vec::with_capacity(parsed.len());
        for (text, member) in parsed {
            if seen.insert(member.key()) {
                unique.push((text, member));
            } else {
                crate::output::warn(&format!(
                    "server {} is given more than once; using it once",
                    crate::text::quote(&text)
                ));
            }
        }
        Ok(unique)
    }

    /// Settings, credentials and a client for this product.
    pub fn connect<'a>(&self, global: &'a GlobalArgs) -> Result<Connections<'a>> {
        match self {
            Named::Clb { .. } => {
                let context = crate::commands::context::Context::resolve(global)?;
                let client = context.client(global)?;
                Ok(Connections {
                    global,
                    region: context.region.value.clone(),
                    clb: Some(client),
                    sites: Vec::new(),
                })
            }
            Named::ServerGroup { family, load_balancer_id, .. } => {
                let site = Site::open(global, *family, load_balancer_id.as_deref())?;
                Ok(Connections { global, region: site.region.clone(), clb: None, sites: vec![site] })
            }
        }
    }

    /// The load balancer named, if any.
    pub fn load_balancer_id(&self) -> Option<&str> {
        match self {
            Named::Clb { load_balancer_id, .. } => Some(load_balancer_id),
            Named::ServerGroup { load_balancer_id, .. } => load_balancer_id.as_deref(),
        }
    }

    /// The group, as the model: a CLB group as named; an ALB/NLB group as
    /// `resolve_group` finds and checks it (reads). `listener` is CLB's `--listener`
    /// (health as that listener alone reports it; checked to exist); ALB/NLB health
    /// always comes from every listener that forwards to the group.
    pub fn open<'c>(
        &self,
        connections: &'c Connections<'_>,
        listener: Option<(u16, Option<String>)>,
    ) -> Result<Box<dyn BackendGroup + 'c>> {
        match self {
            Named::Clb { load_balancer_id, vserver_group_id } => {
                let client = connections
                    .clb
                    .as_ref()
                    .ok_or_else(|| Error::Other(anyhow::anyhow!("no CLB client for a CLB group")))?;
                let group = clb::ClbGroup::new(
                    connections.global,
                    client,
                    &connections.region,
                    load_balancer_id,
                    vserver_group_id.as_deref(),
                );
                Ok(Box::new(match listener {
                    Some(listener) => group.on_listener(listener)?,
                    None => group,
                }))
            }
            Named::ServerGroup { family, load_balancer_id, server_group_id } => {
                let site = connections.site(*family)?;
                let group = crate::commands::server_group::resolve_group(site, server_group_id.as_deref())?;
                let lbs: Vec<String> = load_balancer_id.iter().cloned().collect();
                Ok(Box::new(alb_nlb::ServerGroupAt::known(site, group, &lbs)))
            }
        }
    }
}

/// Whether an error says the group (or its load balancer) no longer exists.
pub fn is_gone(error: &Error) -> bool {
    error.api().is_some_and(|api| {
        api.code == "InvalidLoadBalancerId.NotFound"
            || api.message.contains("VServerGroupId does not exist")
            || api.code.eq_ignore_ascii_case("ResourceNotFound.ServerGroup")
    })
}

/// A read that says "gone" as None.
fn unless_gone<T>(read: Result<T>) -> Result<Option<T>> {
    match read {
        Ok(value) => Ok(Some(value)),
        Err(e) if is_gone(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slb::member_key;

    #[test]
    fn one_key_rule_gives_clb_its_own_keys() {
        let cases = [
            ("i-a", None, None, "ecs"),
            ("i-a", Some(80), None, "ecs"),
            ("eni-1", Some(80), Some("10.0.0.5"), "eni"),
            ("eci-1", Some(8080), Some("10.0.0.6"), "eci"),
        ];
        for (id, port, ip, kind) in cases {
            let member = Member::new(id, MemberType::from_api(kind).unwrap(), port, ip.map(str::to_owned));
            assert_eq!(member.key(), member_key(id, port, ip, Some(kind)), "{id} {port:?} {ip:?}");
        }
    }
}
