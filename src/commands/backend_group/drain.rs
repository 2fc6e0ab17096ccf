//! `--drain SECS`, whatever the product: the leaving members go to weight 0 (a
//! function has no weight; a member already at 0 is not sent), each call's effect
//! awaited (a weight change that fails stops the command before anything is removed);
//! then the wait. Should the run be interrupted during the wait, the members stay at
//! weight 0, and the message lists their weights before and the set-weight commands
//! that put each back (one per distinct weight, so none is restored to a weight it
//! did not have).

use std::collections::BTreeMap;

use super::{BackendGroup, Change, Changed, Member};
use crate::cli::GlobalArgs;
use crate::commands::{poll, rerun};
use crate::error::Result;
use crate::slb::server_groups::members::MemberType;
use crate::{interrupt, output};

/// Drain `leaving` (members of `group` as they are now, with their weights) and wait
/// `seconds`. `again` is the command to run should the weight change fail part-way
/// (the whole command: weight 0 is idempotent, and nothing was removed yet).
pub fn drain(
    global: &GlobalArgs,
    group: &dyn BackendGroup,
    leaving: &[Member],
    seconds: u64,
    again: &str,
) -> Result<Changed> {
    if leaving.is_empty() {
        return Ok(Changed::default());
    }
    let weighted: Vec<&Member> =
        leaving.iter().filter(|m| m.kind != MemberType::Fc && m.weight != Some(0)).collect();
    let mut changed = Changed::default();
    if !weighted.is_empty() {
        let zero: Vec<Member> = weighted.iter().map(|m| Member { weight: Some(0), ..(*m).clone() }).collect();
        changed = group.change(Change::SetWeight, &zero, Some(&|_| again.to_owned()), &mut |_, _| Ok(()))?;
        let before: Vec<String> = weighted
            .iter()
            .map(|m| format!("{}={}", m.key(), m.weight.map_or_else(|| "?".to_owned(), |w| w.to_string())))
            .collect();
        interrupt::set_note(Some(format!(
            "{} of {} left at weight 0, still members (weights before: {}); to put them back: {}",
            output::count(weighted.len(), group.wording().member),
            group.place(),
            before.join(" "),
            restore_commands(global, group, &weighted).join(" && ")
        )));
    }
    poll::countdown(seconds);
    // From here on the members are being removed; an interruption no longer leaves them
    // merely drained.
    interrupt::set_note(None);
    Ok(changed)
}

/// The set-weight commands that put drained members back at their weights, one per
/// distinct weight (100 where the weight was not known).
fn restore_commands(global: &GlobalArgs, group: &dyn BackendGroup, drained: &[&Member]) -> Vec<String> {
    let mut by_weight: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for m in drained {
        by_weight.entry(m.weight.unwrap_or(100)).or_default().push(m.key());
    }
    by_weight
        .into_iter()
        .map(|(weight, keys)| {
            let mut words = group.command_words("set-weight");
            words.extend(["--weight".to_owned(), weight.to_string()]);
            rerun::command(global, &words, &keys)
        })
        .collect()
}
