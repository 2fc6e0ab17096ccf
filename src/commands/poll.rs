//! Polling until something is true: a wait polls at once, then after 2, 4, 8, 15, 15, …
//! seconds (or every `--interval`), until every item is where it should be or the
//! timeout passes (exit 8, with each item's last state). A terminal gets a live line
//! with each item's state and the time left; a pipe gets one line a state change.
//! Ctrl-C ends a wait as it ends everything else (see `interrupt`).
//!
//! Knows no product: what a poll reads and what it means is the caller's closure. Uses
//! `cli` (output format), `output`, `config::vars` (the test hook) and the leaves; no
//! other command module.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use crate::cli::{GlobalArgs, OutputFormat};
use crate::config::vars::ENV_WAIT_SECOND_MS;
use crate::error::{Error, Result};
use crate::output;
use crate::text::sanitize;

/// The doubling schedule's longest pause.
const MAX_PAUSE_SECS: u64 = 15;

/// One second of a wait. Test hook: `SLBCTL_WAIT_SECOND_MS` makes it shorter, so the
/// test suite can run real waits and timeouts in milliseconds.
pub fn second() -> Duration {
    let ms = std::env::var(ENV_WAIT_SECOND_MS).ok().and_then(|v| v.parse::<u64>().ok()).filter(|ms| *ms > 0);
    Duration::from_millis(ms.unwrap_or(1000))
}

/// The pause before poll `n` (1-based, after the first): `interval`, or 2, 4, 8, 15, 15, …
pub fn pause_before(n: u32, interval: Option<u64>) -> u64 {
    interval.unwrap_or_else(|| 2u64.saturating_pow(n).min(MAX_PAUSE_SECS))
}

/// Where one server stands at a poll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub id: String,
    /// `normal`, `abnormal`, `unavailable`, `member`, `removed`, `weight 40`, …
    pub state: String,
    pub reached: bool,
}

/// What a wait waits for, and how long.
pub struct Goal<'a> {
    /// `healthy`, `removed`, `drained`.
    pub name: &'a str,
    /// Where the servers are, for progress lines (`lb-web/rsp-web`; empty: not said).
    pub place: &'a str,
    pub timeout_secs: u64,
    pub interval: Option<u64>,
    /// Show progress on stderr (not with `--output json`, whose stderr is for a JSON
    /// error only).
    pub show: bool,
}

/// Poll `check` until every server has reached the goal; the last standings. On
/// timeout, [`Error::Timeout`] with the servers not there yet.
pub fn poll(goal: &Goal, check: &mut dyn FnMut() -> Result<Vec<Standing>>) -> Result<Vec<Standing>> {
    let unit = second();
    let started = Instant::now();
    let deadline = started + unit * u32::try_from(goal.timeout_secs).unwrap_or(u32::MAX);
    let mut display = Display::new(goal.name, goal.place, goal.show);
    // Servers that have been unavailable on every poll so far.
    let mut always_unavailable: Option<HashSet<String>> = None;
    let mut n = 0;
    loop {
        let standings = check()?;
        let unavailable: HashSet<String> =
            standings.iter().filter(|s| s.state == "unavailable").map(|s| s.id.clone()).collect();
        always_unavailable = Some(match always_unavailable {
            None => unavailable,
            Some(before) => before.intersection(&unavailable).cloned().collect(),
        });
        let left = deadline.saturating_duration_since(Instant::now());
        let done = standings.iter().all(|s| s.reached);
        // Nothing to say when the first look finds everything there.
        if !(done && n == 0) {
            display.show(&standings, left, unit);
        }
        if done {
            display.finish();
            return Ok(standings);
        }
        if left.is_zero() {
            display.finish();
            return Err(timed_out(goal, &standings, always_unavailable.unwrap_or_default()));
        }
        // The next poll, or a last one at the deadline so a late change still counts.
        n += 1;
        let pause = unit * u32::try_from(pause_before(n, goal.interval)).unwrap_or(u32::MAX);
        sleep_until((Instant::now() + pause).min(deadline));
    }
}

pub fn sleep_until(when: Instant) {
    let now = Instant::now();
    if when > now {
        std::thread::sleep(when - now);
    }
}

fn timed_out(goal: &Goal, standings: &[Standing], always_unavailable: HashSet<String>) -> Error {
    let waiting: Vec<(String, String)> = standings
        .iter()
        .filter(|s| !s.reached)
        .map(|s| {
            let state = if always_unavailable.contains(&s.id) {
                format!("{} (for the whole wait: health checks may be off for its listener)", s.state)
            } else {
                s.state.clone()
            };
            (s.id.clone(), state)
        })
        .collect();
    let listed: Vec<String> = waiting.iter().map(|(id, state)| format!("{id} {state}")).collect();
    Error::Timeout {
        message: format!(
            "timed out after {} s waiting until {}: {}",
            goal.timeout_secs,
            goal.name,
            sanitize(&listed.join(", "), 2000)
        ),
        waiting,
        hint: None,
    }
}

/// The live line on a terminal, or one line a state change.
struct Display {
    goal: String,
    /// `lb-web/rsp-web `, before each server in a line (empty when not said).
    prefix: String,
    show: bool,
    live: bool,
    shown: bool,
    last: HashMap<String, String>,
}

impl Display {
    fn new(goal: &str, place: &str, show: bool) -> Display {
        Display {
            goal: goal.to_owned(),
            prefix: if place.is_empty() { String::new() } else { format!("{} ", sanitize(place, 120)) },
            show,
            live: output::stderr_is_terminal(),
            shown: false,
            last: HashMap::new(),
        }
    }

    fn show(&mut self, standings: &[Standing], left: Duration, unit: Duration) {
        if !self.show {
            return;
        }
        self.shown = true;
        if self.live {
            let states: Vec<String> =
                standings.iter().map(|s| format!("{}{} {}", self.prefix, s.id, s.state)).collect();
            let secs = left.as_millis() / unit.as_millis().max(1);
            eprint!(
                "\r\x1b[2Kslbctl: waiting until {}: {} ({secs} s left)",
                self.goal,
                sanitize(&states.join(", "), 200)
            );
            return;
        }
        for standing in standings {
            if self.last.get(&standing.id) != Some(&standing.state) {
                eprintln!("slbctl: {}{}: {}", self.prefix, standing.id, sanitize(&standing.state, 200));
                self.last.insert(standing.id.clone(), standing.state.clone());
            }
        }
    }

    fn finish(&self) {
        if self.live && self.shown {
            eprint!("\r\x1b[2K");
        }
    }
}

/// How long a server may be missing from its group on every poll before a wait for it
/// fails (describe answers lag, and a member just added may show late).
pub const NOT_A_MEMBER_GRACE_SECS: u64 = 15;

/// The failure acceptor of a wait (as the AWS CLI's waiters have): servers that are not
/// members on every poll for [`NOT_A_MEMBER_GRACE_SECS`] (or the whole wait, if shorter)
/// can never get there, so the wait fails then (exit 4) instead of at its timeout.
pub struct NeverMember {
    since: Instant,
    grace: Duration,
    always: Option<HashSet<String>>,
}

impl NeverMember {
    pub fn new(wait_timeout_secs: u64) -> NeverMember {
        let secs = NOT_A_MEMBER_GRACE_SECS.min(wait_timeout_secs);
        NeverMember {
            since: Instant::now(),
            grace: second() * u32::try_from(secs).unwrap_or(u32::MAX),
            always: None,
        }
    }

    /// After a poll: `missing` are the servers not members now; `place` and `members`
    /// name the group for the error.
    pub fn check(&mut self, missing: HashSet<String>, place: &str, members: usize) -> Result<()> {
        let always: HashSet<String> = match self.always.take() {
            None => missing,
            Some(before) => before.intersection(&missing).cloned().collect(),
        };
        if !always.is_empty() && self.since.elapsed() >= self.grace {
            let mut ids: Vec<&String> = always.iter().collect();
            ids.sort();
            let ids: Vec<&str> = ids.into_iter().map(String::as_str).collect();
            let secs = self.grace.as_millis() / second().as_millis().max(1);
            return Err(Error::Verification(format!(
                "{} not a member of {place} ({} in it) on any poll for {secs} s; the wait can never end",
                sanitize(&ids.join(" "), 500),
                crate::output::count(members, "member")
            )));
        }
        self.always = Some(always);
        Ok(())
    }
}

/// Wait, showing the time left on a terminal; one line otherwise.
pub fn countdown(seconds: u64) {
    let end = Instant::now() + Duration::from_secs(seconds);
    let terminal = output::stderr_is_terminal();
    if !terminal {
        eprintln!("slbctl: draining for {seconds} s");
    }
    loop {
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        if terminal {
            eprint!(
                "\r\x1b[2Kslbctl: draining, {} s left",
                left.as_secs() + u64::from(left.subsec_nanos() > 0)
            );
        }
        std::thread::sleep(left.min(Duration::from_millis(250)));
    }
    if terminal {
        eprint!("\r\x1b[2K");
    }
}

/// The standings at the end of a wait: a table, JSON, or `id<TAB>state` lines. JSON
/// names the load balancer (null when none was given) and the group, where it has an
/// id (a vServer group, an ALB/NLB server group).
pub fn render(
    global: &GlobalArgs,
    (lb, group): (Option<&str>, Option<&str>),
    standings: &[Standing],
) -> Result<()> {
    let text = match global.output {
        OutputFormat::Json => {
            let mut report = serde_json::json!({
                "LoadBalancerId": lb,
                "Servers": standings.iter().map(|s| serde_json::json!({"ServerId": s.id, "State": s.state})).collect::<Vec<_>>(),
            });
            if let Some(group) = group {
                report["ServerGroupId"] = group.into();
            }
            output::json(&report)
        }
        OutputFormat::Text => {
            output::text_rows(standings.iter().map(|s| vec![s.id.clone(), s.state.clone()]))
        }
        OutputFormat::Table => output::table(
            &["ServerId", "State"],
            standings.iter().map(|s| vec![s.id.clone(), s.state.clone()]),
            output::stdout_is_terminal(),
        ),
    };
    output::emit(global.quiet, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedule_doubles_to_fifteen_seconds() {
        let pauses: Vec<u64> = (1..=7).map(|n| pause_before(n, None)).collect();
        assert_eq!(pauses, [2, 4, 8, 15, 15, 15, 15]);
        assert_eq!(pause_before(3, Some(5)), 5);
        // A 60-second wait makes 7 describe calls: at 0, 2, 6, 14, 29, 44 and 59 s.
        let mut at = 0;
        let mut polls = 1;
        for n in 1.. {
            at += pause_before(n, None);
            if at > 60 {
                break;
            }
            polls += 1;
        }
        assert_eq!(polls, 7);
    }
}
