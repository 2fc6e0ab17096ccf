//! The guards of a removal, whatever the product: `--min-remaining` (how many members
//! must stay) and `--min-healthy` (how many of those must be healthy, as the group's
//! [`BackendGroup::health`] judges it). Checked before a removal (exit 7, nothing
//! changed) and, by the flows that re-check, on the group as it is after one ("changed,
//! then undone", what this run removed put back by [`undo`]). A member already being removed (an ALB/NLB member in `Removing`,
//! another deployer's job) does not count as staying.

use std::collections::{BTreeMap, HashSet};

use super::{BackendGroup, Change, HEALTH_CHECK_OFF, Member};
use crate::cli::GlobalArgs;
use crate::commands::rerun;
use crate::error::{Error, Result};
use crate::output;
use crate::slb::server_groups::members::MemberType;

/// The guards a removal was given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Guards {
    pub min_remaining: Option<u32>,
    pub min_healthy: Option<u32>,
}

impl Guards {
    pub fn any(self) -> bool {
        self.min_remaining.is_some() || self.min_healthy.is_some()
    }
}

/// The members that stay when those with the keys in `leaving` go.
pub fn staying<'m>(members: &'m [Member], leaving: &HashSet<String>) -> Vec<&'m Member> {
    members
        .iter()
        .filter(|m| !leaving.contains(&m.key()) && !m.status.eq_ignore_ascii_case("Removing"))
        .collect()
}

/// How many of `members` the group reports healthy now, and a note when none can be
/// because the group's health check is off.
pub fn healthy_count(group: &dyn BackendGroup, members: &[&Member]) -> Result<(usize, &'static str)> {
    if members.is_empty() {
        return Ok((0, ""));
    }
    let members: Vec<Member> = members.iter().map(|m| (*m).clone()).collect();
    let standings = group.health(&members)?;
    let off = standings.iter().any(|s| s.state == HEALTH_CHECK_OFF);
    let note = if off { " (its health check is off, so none counts as healthy)" } else { "" };
    Ok((standings.iter().filter(|s| s.reached).count(), note))
}

/// Before a removal of `leaving` from `group` (whose members are `members`): refuse,
/// exit 7, if fewer members than the guards ask would stay, or be healthy.
pub fn check(
    group: &dyn BackendGroup,
    members: &[Member],
    leaving: &HashSet<String>,
    guards: Guards,
) -> Result<()> {
    let words = group.wording();
    let place = group.place();
    let stay = staying(members, leaving);
    if let Some(min) = guards.min_remaining {
        if (stay.len() as u64) < u64::from(min) {
            return Err(Error::Refused(format!(
                "refusing to remove: {} of the {} {}s of {place} would remain, fewer than --min-remaining {min}; nothing was changed",
                stay.len(),
                members.len(),
                words.member
            )));
        }
    }
    if let Some(min) = guards.min_healthy {
        let (healthy, off) = healthy_count(group, &stay)?;
        if (healthy as u64) < u64::from(min) {
            return Err(Error::Refused(format!(
                "refusing to remove: {healthy} of the {} {}s of {place} that would remain are {}{off}, fewer than --min-healthy {min}; nothing was changed",
                stay.len(),
                words.member,
                words.healthy
            )));
        }
    }
    Ok(())
}

/// After a removal: the guard the group breaks as it is now (`members`), said as a fact;
/// None when every guard holds.
pub fn broken(group: &dyn BackendGroup, members: &[Member], guards: Guards) -> Result<Option<String>> {
    let words = group.wording();
    let stay = staying(members, &HashSet::new());
    let left = stay.len();
    if let Some(min) = guards.min_remaining.filter(|min| (left as u64) < u64::from(*min)) {
        return Ok(Some(format!(
            "only {} remain{}, fewer than --min-remaining {min}",
            output::count(left, words.member),
            if left == 1 { "s" } else { "" }
        )));
    }
    if let Some(min) = guards.min_healthy {
        let (healthy, off) = healthy_count(group, &stay)?;
        if (healthy as u64) < u64::from(min) {
            return Ok(Some(format!(
                "{healthy} of the {left} remaining {}s are {}{off}, fewer than --min-healthy {min}",
                words.member, words.healthy
            )));
        }
    }
    Ok(None)
}

/// After a removal that broke a guard (`broken` says how): put back what this run
/// removed (`removed`, as the members were before it, with their weights and
/// settings), and return the error the command ends with: exit 7 "changed, then
/// undone" once they are back; exit 6 naming the add commands that put them back (one
/// per weight) if that fails.
pub fn undo(global: &GlobalArgs, group: &dyn BackendGroup, broken: &str, removed: &[Member]) -> Error {
    let keys: Vec<String> = removed.iter().map(Member::key).collect();
    let put_back = if removed.is_empty() {
        Ok(())
    } else {
        group.change(Change::Add, removed, None, &mut |_, _| Ok(())).map(|_| ())
    };
    match put_back {
        Ok(()) => {
            let one = keys.len() == 1;
            Error::Refused(format!(
                "changed, then undone: after the removal, {broken}; so the {} this run removed from {} {} put back at {} weight ({})",
                output::count(keys.len(), group.wording().member),
                group.place(),
                if one { "was" } else { "were" },
                if one { "its" } else { "their" },
                keys.join(" ")
            ))
        }
        Err(failure) => {
            let mut by_weight: BTreeMap<Option<u32>, Vec<String>> = BTreeMap::new();
            for m in removed {
                by_weight.entry(m.weight.filter(|_| m.kind != MemberType::Fc)).or_default().push(m.key());
            }
            let commands: Vec<String> = by_weight
                .into_iter()
                .map(|(weight, keys)| {
                    let mut words = group.command_words("add");
                    if let Some(weight) = weight {
                        words.extend(["--weight".to_owned(), weight.to_string()]);
                    }
                    rerun::command(global, &words, &keys)
                })
                .collect();
            Error::Partial {
                verb: "restored",
                failed_batch: 1,
                batches: 1,
                failure: Box::new(failure),
                done: Vec::new(),
                resume: commands.join(" && "),
                not_done: keys,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Until, WaitTiming};
    use crate::commands::backend_group::{Accepted, Change, Changed, Resume, Wording};
    use crate::commands::poll::Standing;
    use crate::slb::server_groups::members::MemberType;

    /// A group whose health is given: the members in `healthy` are, the rest are not.
    struct Given {
        healthy: Vec<String>,
    }

    impl BackendGroup for Given {
        fn wording(&self) -> Wording {
            Wording { member: "backend", healthy: "normal on every listener" }
        }
        fn place(&self) -> String {
            "lb".into()
        }
        fn id(&self) -> Option<String> {
            None
        }
        fn members(&self) -> Result<Option<Vec<Member>>> {
            Ok(None)
        }
        fn change(
            &self,
            _: Change,
            _: &[Member],
            _: Option<Resume>,
            _: &mut dyn FnMut(&Accepted, &[Member]) -> Result<()>,
        ) -> Result<Changed> {
            unreachable!("guards change nothing")
        }
        fn command_words(&self, command: &str) -> Vec<String> {
            vec!["backends".into(), command.into(), "--lb".into(), "lb".into()]
        }
        fn health(&self, members: &[Member]) -> Result<Vec<Standing>> {
            Ok(members
                .iter()
                .map(|m| {
                    let reached = self.healthy.contains(&m.key());
                    Standing { id: m.key(), state: String::new(), reached }
                })
                .collect())
        }
        fn wait(&self, _: Until, _: &[Member], _: &WaitTiming) -> Result<Vec<Standing>> {
            unreachable!("guards do not wait")
        }
        fn settle(&self, _: &str) -> Result<()> {
            Ok(())
        }
    }

    #[test]
    fn only_members_count_as_leaving_and_health_counts_those_that_stay() {
        let members: Vec<Member> = ["i-a", "i-b", "i-c"].map(|id| member(id, "")).to_vec();
        let group = Given { healthy: vec!["i-a:80".into(), "i-b:80".into()] };
        let leaving: HashSet<String> = ["i-a:80".to_owned(), "i-typo:80".to_owned()].into();
        let guard = |min_remaining, min_healthy| Guards { min_remaining, min_healthy };
        assert!(check(&group, &members, &leaving, guard(Some(2), None)).is_ok());
        let err = check(&group, &members, &leaving, guard(Some(3), None)).unwrap_err();
        assert_eq!(err.exit_code(), 7);
        assert!(err.to_string().contains("2 of the 3 backends of lb would remain"), "{err}");
        // i-b stays healthy, i-c does not: one healthy of two staying.
        assert!(check(&group, &members, &leaving, guard(None, Some(1))).is_ok());
        let err = check(&group, &members, &leaving, guard(None, Some(2))).unwrap_err();
        assert!(err.to_string().contains("1 of the 2 backends of lb that would remain are normal"), "{err}");
        assert_eq!(
            broken(&group, &members, guard(Some(4), None)).unwrap().unwrap(),
            "only 3 backends remain, fewer than --min-remaining 4"
        );
        assert_eq!(
            broken(&group, &members[..1], guard(Some(2), None)).unwrap().unwrap(),
            "only 1 backend remains, fewer than --min-remaining 2"
        );
        assert!(broken(&group, &members, guard(Some(3), Some(2))).unwrap().is_none());
    }

    fn member(id: &str, status: &str) -> Member {
        let mut m = Member::new(id, MemberType::Ecs, Some(80), None);
        m.status = status.to_owned();
        m
    }

    #[test]
    fn members_leaving_or_being_removed_do_not_stay() {
        let members = [member("i-a", "Available"), member("i-b", "Removing"), member("i-c", "")];
        let leaving: HashSet<String> = ["i-a:80".to_owned(), "i-typo:80".to_owned()].into();
        let stay: Vec<String> = staying(&members, &leaving).iter().map(|m| m.key()).collect();
        assert_eq!(stay, ["i-c:80"]);
    }
}
