//! The product-neutral model of "a group of backends on a load balancer": its members
//! (id, type, port, weight, address, status) and what can be done with them: list,
//! add, remove, set weight, read health, and wait until a change has taken effect.
//! [`BackendGroup`] is the model; its implementations are the products:
//!
//! - `clb` (here): a CLB load balancer's default server group and its vServer groups,
//!   one implementation (`slb::Group` says which). CLB's calls take effect when they
//!   return, and its health is `DescribeHealthStatus` of the load balancer.
//! - `server_group::model`: an ALB or NLB server group. Its changes are jobs, awaited;
//!   its health is read from every listener (and ALB rule) that forwards to it.
//!
//! Written against the model alone, for every product: `guards`, a removal's guards
//! (`--min-remaining`, `--min-healthy`, the check after the change and the put-back of
//! "changed, then undone"), and `drain`, a removal's `--drain`.
//!
//! Where each product's knowledge lives: the wire form of CLB's calls and answers in
//! `slb` (`slb::ids` for its ids); ALB's and NLB's in `slb::server_groups` (the only
//! place that tells ALB from NLB); what a CLB answer means for a group (membership,
//! health, the polls of a wait) in `clb.rs` here; an ALB/NLB group's reads, jobs and
//! health in `commands::server_group`. `commands::group_address` is the one place that
//! picks an implementation for a group.
//!
//! Who uses the model: standby (every product, through the trait only: its changes,
//! waits, guards and pending jobs), `backends wait --until`, `--wait-healthy`, and the
//! guards and drain of `backends remove`, on every product. The change flows of `remove`, `add` and `set-weight`, and `list`,
//! keep one flow per product, chosen once at their start, because their reads and
//! outputs differ by contract (a CLB change may be sent without a read and reports the
//! API's answer; an ALB/NLB change reads the members first and reports its jobs).
//!
//! May use the shared command modules (`members`, `batch`, `poll`, `rerun`,
//! `selection`) and every layer below `commands`; never `server_group`, which
//! implements the model.

pub(crate) mod clb;
pub(crate) mod drain;
pub(crate) mod guards;

use crate::cli::{Until, WaitTiming};
use crate::commands::poll::Standing;
use crate::error::{Error, Result};
use crate::slb::server_groups::actions;
pub use crate::slb::server_groups::actions::Change;
use crate::slb::server_groups::members::MemberType;

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

/// The state [`BackendGroup::health`] gives a member of a group whose health check is
/// off (it can never be reported healthy), so that messages can say why.
pub const HEALTH_CHECK_OFF: &str = "health check off";

/// What the calls of a change did.
#[derive(Debug, Clone, Default)]
pub struct Changed {
    pub request_ids: Vec<String>,
    /// ALB/NLB: the jobs, each awaited.
    pub job_ids: Vec<String>,
}

pub use crate::commands::rerun::Resume;

/// How a product's messages name its members and their health (CLB's users say
/// "backends" that are "normal"; ALB's and NLB's, "members" that are "healthy").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wording {
    /// Singular; plurals add `s`.
    pub member: &'static str,
    pub healthy: &'static str,
}

/// A group of backends on a load balancer (see the module doc for its implementations).
pub trait BackendGroup {
    /// How messages name its members and their health.
    fn wording(&self) -> Wording;

    /// How messages name the group: `vServer group rsp-1 of lb-1`, `server group sgp-1
    /// (web) of alb-1`.
    fn place(&self) -> String;

    /// The group's own id: a vServer group's or a server group's; None for a CLB load
    /// balancer's default group, which has none.
    fn id(&self) -> Option<String>;

    /// Every member now; None when the group (or its load balancer) no longer exists.
    fn members(&self) -> Result<Option<Vec<Member>>>;

    /// Add, remove or re-weight `members` (to the weights they carry), in calls within
    /// the product's limits. Each call's effect is awaited before the next call (an
    /// ALB/NLB job; a CLB call is in effect when it returns); `accepted` hears each call
    /// as soon as the service took it, with the members it covers, before that. With
    /// `resume`, a failure after earlier calls succeeded is `Error::Partial` naming the
    /// command that does the rest (`resume` of the keys not done); without, the failure
    /// as it is.
    fn change(
        &self,
        change: Change,
        members: &[Member],
        resume: Option<Resume>,
        accepted: &mut dyn FnMut(&Accepted, &[Member]) -> Result<()>,
    ) -> Result<Changed>;

    /// The words after `slbctl` of a printed command that acts on this group:
    /// `backends set-weight --lb lb-1 --vserver-group rsp-1`, `backends add --lb alb-1
    /// --server-group sgp-1`.
    fn command_words(&self, command: &str) -> Vec<String>;

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

/// Whether an error says the group (or its load balancer) no longer exists.
pub fn is_gone(error: &Error) -> bool {
    error.api().is_some_and(|api| {
        api.code == "InvalidLoadBalancerId.NotFound"
            || api.message.contains("VServerGroupId does not exist")
            || api.code.eq_ignore_ascii_case("ResourceNotFound.ServerGroup")
    })
}

/// A read that says "gone" as None.
pub fn unless_gone<T>(read: Result<T>) -> Result<Option<T>> {
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
