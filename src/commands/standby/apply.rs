//! What standby does to one group of memberships, whatever the product: read its live
//! members, drain them (weight 0), remove them, add them back, restore their weights,
//! wait for them to be healthy, and settle a job an earlier run left in flight. All of
//! it through the backend-group model (`commands::backend_group`): a recorded
//! membership says where its group is ([`Membership::address`]) and what the member is
//! ([`Membership::member`]); how each product does these things is the model's
//! implementations' (CLB in calls of 20, ALB/NLB in calls of their limit with each
//! job awaited). Nothing in this file tells the products apart.

use std::collections::HashMap;

use super::state::Membership;
use crate::cli::{Until, WaitTiming};
use crate::commands::backend_group::{Accepted, BackendGroup, Change, Member};
use crate::commands::group_address;
use crate::error::{Error, Result};

/// The connections of the products a run touches.
pub use crate::commands::group_address::Connections as Clients;

/// A live member: its weight and (ALB/NLB) its status.
pub type Live = Member;

/// What to do to a group's memberships.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Weight 0, members stay.
    Drain,
    Remove,
    /// Put back with the recorded weight and everything else recorded.
    Add,
    /// Set the recorded weight again.
    Restore,
}

/// The group of a recorded membership, as the model.
pub fn group_of<'c>(clients: &'c Clients<'_>, sample: &Membership) -> Result<Box<dyn BackendGroup + 'c>> {
    group_address::open(clients, &sample.address())
}

/// A group's live members by key; None when the group is gone.
pub fn live(clients: &Clients, sample: &Membership) -> Result<Option<HashMap<String, Live>>> {
    let members = group_of(clients, sample)?.members()?;
    Ok(members.map(|members| members.into_iter().map(|m| (m.key(), m)).collect()))
}

/// A membership as `op` sends it: the recorded member, at weight 0 to drain, at the
/// recorded weight to add or restore.
fn member_for(op: Op, m: &Membership) -> Member {
    let mut member = m.member();
    member.weight = match op {
        Op::Drain => Some(0),
        Op::Remove => None,
        Op::Add | Op::Restore => Some(m.weight),
    };
    member
}

/// Apply `op` to one group's memberships (all of one group). `on_job` hears each ALB/NLB
/// job (and the memberships it covers) before it is awaited, so the record can say a
/// job was in flight. A job the service forgot is judged by the members (exit 5 when
/// they do not show its change); the live state, read again by the next run, decides
/// what is left to do.
pub fn apply(
    clients: &Clients,
    op: Op,
    members: &[Membership],
    on_job: &mut dyn FnMut(&str, &[Membership]) -> Result<()>,
) -> Result<()> {
    let Some(first) = members.first() else { return Ok(()) };
    let change = match op {
        Op::Drain | Op::Restore => Change::SetWeight,
        Op::Remove => Change::Remove,
        Op::Add => Change::Add,
    };
    let sent: Vec<Member> = members.iter().map(|m| member_for(op, m)).collect();
    let mut accepted = |call: &Accepted, chunk: &[Member]| -> Result<()> {
        let Some(job) = &call.job_id else { return Ok(()) };
        let keys: Vec<String> = chunk.iter().map(Member::key).collect();
        let covered: Vec<Membership> =
            members.iter().filter(|m| keys.contains(&m.member_key())).cloned().collect();
        on_job(job, &covered)
    };
    group_of(clients, first)?.change(change, &sent, None, &mut accepted)?;
    Ok(())
}

/// Wait until a group's memberships are healthy (standby exit --wait-healthy).
pub fn wait_healthy(clients: &Clients, members: &[Membership], timing: &WaitTiming) -> Result<()> {
    let Some(first) = members.first() else { return Ok(()) };
    let wanted: Vec<Member> = members.iter().map(Membership::member).collect();
    group_of(clients, first)?.wait(Until::Healthy, &wanted, timing)?;
    Ok(())
}

/// Wait for a job recorded as in flight by an earlier run (`sample`: a membership it
/// covered); a job the service does not know any more is left to the live state.
pub fn settle_pending(clients: &Clients, sample: &Membership, job: &str) -> Result<()> {
    match group_of(clients, sample)?.settle(job) {
        Ok(()) => Ok(()),
        // A failed job changed nothing: the live state says what is there.
        Err(Error::JobFailed { .. }) => Ok(()),
        Err(e) => Err(e),
    }
}
