//! Waiting on the load balancer: `backends wait`, and the waits other commands make
//! (`--wait-healthy` after add and set-weight, `--verify` catching up after a removal),
//! and the health reading behind `--min-healthy`.
//!
//! A wait polls at once, then after 2, 4, 8, 15, 15, … seconds (or every `--interval`),
//! one describe call a poll, until every server is where it should be or
//! `--wait-timeout` passes (exit 8, with each server's last state). A terminal gets a
//! live line with each server's state and the time left; a pipe gets one line a state
//! change. Ctrl-C ends a wait as it ends everything else (see `interrupt`).

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use super::backends::describe;
use super::context::Context;
use super::input;
use super::selection::{group_of, port_in_default_group};
use crate::api::client::Client;
use crate::cli::{GlobalArgs, OutputFormat, Until, WaitArgs, WaitTiming};
use crate::config::vars::ENV_WAIT_SECOND_MS;
use crate::error::{Error, Result};
use crate::output;
use crate::slb::ids::{parse_member, prepare_server_ids, validate_id};
use crate::slb::{self, HealthResponse, HealthRow};
use crate::text::sanitize;

/// The doubling schedule's longest pause.
const MAX_PAUSE_SECS: u64 = 15;

/// One second of a wait. Test hook: `SLBCTL_WAIT_SECOND_MS` makes it shorter, so the
/// test suite can run real waits and timeouts in milliseconds.
fn second() -> Duration {
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
    let mut display = Display::new(goal.name, goal.show);
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

fn sleep_until(when: Instant) {
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
    }
}

/// The live line on a terminal, or one line a state change.
struct Display {
    goal: String,
    show: bool,
    live: bool,
    shown: bool,
    last: HashMap<String, String>,
}

impl Display {
    fn new(goal: &str, show: bool) -> Display {
        Display {
            goal: goal.to_owned(),
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
            let states: Vec<String> = standings.iter().map(|s| format!("{} {}", s.id, s.state)).collect();
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
                eprintln!("slbctl: {}: {}", standing.id, sanitize(&standing.state, 200));
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

/// Each member's health from DescribeHealthStatus rows: `normal` only when every row of
/// the server (on that backend port, for `ID:PORT`) is normal; no rows (no running
/// listener serves it) never counts.
pub fn health_standings(ids: &[String], rows: &[HealthRow]) -> Vec<Standing> {
    let mut by_server: HashMap<&str, Vec<&HealthRow>> = HashMap::new();
    for row in rows {
        by_server.entry(row.server_id.as_str()).or_default().push(row);
    }
    ids.iter()
        .map(|id| {
            let (server, port) = match parse_member(id) {
                Ok(spec) => (spec.server_id, spec.port),
                Err(_) => (id.clone(), None),
            };
            let rows: Vec<&HealthRow> = by_server
                .get(server.as_str())
                .map(|rows| rows.iter().copied().filter(|r| port.is_none_or(|p| r.port == Some(p))).collect())
                .unwrap_or_default();
            let (state, reached) = if rows.is_empty() {
                ("no health rows (no running listener serves it)", false)
            } else if rows.iter().all(|r| r.status == "normal") {
                ("normal", true)
            } else if rows.iter().any(|r| r.status == "abnormal") {
                ("abnormal", false)
            } else if rows.iter().all(|r| r.status == "unavailable") {
                ("unavailable", false)
            } else {
                ("not normal on every listener", false)
            };
            Standing { id: id.clone(), state: state.to_owned(), reached }
        })
        .collect()
}

/// A `--listener` value: `80` or `80/http`.
fn parse_listener(text: &str) -> Result<(u16, Option<String>)> {
    let (port, protocol) = match text.split_once('/') {
        Some((port, protocol)) => (port, Some(protocol.to_ascii_lowercase())),
        None => (text, None),
    };
    let port: u16 = port.parse().ok().filter(|p| *p > 0).ok_or_else(|| {
        Error::usage(format!(
            "--listener {} is not a port 1-65535 (or PORT/PROTOCOL)",
            crate::text::quote(text)
        ))
    })?;
    if let Some(protocol) = &protocol {
        if !["http", "https", "tcp", "udp"].contains(&protocol.as_str()) {
            return Err(Error::usage(format!(
                "--listener protocol {} is not http, https, tcp or udp",
                crate::text::quote(protocol)
            )));
        }
    }
    Ok((port, protocol))
}

/// The health of every member of the load balancer (all listeners).
pub fn read_health(
    client: &Client,
    region: &str,
    lb: &str,
    listener: Option<(u16, Option<&str>)>,
) -> Result<HealthResponse> {
    let answer = client.call_raw(&slb::describe_health_status(region, lb, listener))?;
    HealthResponse::from_slice(&answer.body)
}

/// Wait until `ids` are healthy (after add or set-weight with `--wait-healthy`, and for
/// `backends wait --until healthy`).
pub fn until_healthy(
    client: &Client,
    region: &str,
    lb: &str,
    ids: &[String],
    listener: Option<(u16, Option<&str>)>,
    timing: &WaitTiming,
    show: bool,
) -> Result<Vec<Standing>> {
    let goal = Goal { name: "healthy", timeout_secs: timing.wait_timeout, interval: timing.interval, show };
    poll(&goal, &mut || Ok(health_standings(ids, read_health(client, region, lb, listener)?.rows())))
}

/// `slbctl backends wait`.
pub fn run(global: &GlobalArgs, args: &WaitArgs) -> Result<()> {
    validate_id("load balancer id", &args.lb)?;
    let listener = args.listener.as_deref().map(parse_listener).transpose()?;
    let requested = input::server_ids(&args.servers, args.from_file.as_deref())?;
    let (ids, _) = prepare_server_ids(&requested, true)?;
    let context = Context::resolve(global)?;
    let client = context.client(global)?;
    let region = context.region.value.as_str();
    let lb = args.lb.as_str();
    let timing = &args.timing;
    let show = global.shows_progress();
    let group = group_of(lb, args.vserver_group.as_ref())?;
    if let Some(id) = ids.iter().find(|id| id.contains(':')).filter(|_| !group.is_vserver()) {
        return Err(port_in_default_group(id));
    }
    let standings = match args.until {
        Until::Healthy => {
            let listener = listener.as_ref().map(|(port, protocol)| (*port, protocol.as_deref()));
            until_healthy(&client, region, lb, &ids, listener, timing, show)?
        }
        Until::Removed => {
            let goal =
                Goal { name: "removed", timeout_secs: timing.wait_timeout, interval: timing.interval, show };
            poll(&goal, &mut || {
                let (_, members) = describe(&client, region, &group)?;
                // A bare ID in a vServer group: any of its ports still there counts.
                let servers: HashSet<&str> =
                    members.backends().iter().map(|b| b.server_id.as_str()).collect();
                let members = members.member_keys();
                Ok(ids
                    .iter()
                    .map(|id| {
                        let bare = group.is_vserver() && !id.contains(':');
                        let present =
                            if bare { servers.contains(id.as_str()) } else { members.contains(id.as_str()) };
                        let state = if present { "member" } else { "removed" };
                        Standing { id: id.clone(), state: state.to_owned(), reached: !present }
                    })
                    .collect())
            })?
        }
        Until::Drained => {
            // Weight 0 on two consecutive polls: one answer might predate the change.
            let goal =
                Goal { name: "drained", timeout_secs: timing.wait_timeout, interval: timing.interval, show };
            let mut zero_before: HashSet<String> = HashSet::new();
            poll(&goal, &mut || {
                let (_, members) = describe(&client, region, &group)?;
                let weights: HashMap<String, String> =
                    members.backends().iter().map(|b| (b.key(), b.weight_text())).collect();
                let standings: Vec<Standing> = ids
                    .iter()
                    .map(|id| match weights.get(id) {
                        None => Standing { id: id.clone(), state: "not a member".into(), reached: false },
                        Some(w) if w == "0" => Standing {
                            id: id.clone(),
                            state: "weight 0".into(),
                            reached: zero_before.contains(id),
                        },
                        Some(w) => Standing { id: id.clone(), state: format!("weight {w}"), reached: false },
                    })
                    .collect();
                zero_before =
                    standings.iter().filter(|s| s.state == "weight 0").map(|s| s.id.clone()).collect();
                Ok(standings)
            })?
        }
    };
    render(global, lb, &standings)
}

/// The standings at the end of a wait: a table, JSON, or `id<TAB>state` lines.
pub fn render(global: &GlobalArgs, lb: &str, standings: &[Standing]) -> Result<()> {
    let text = match global.output {
        OutputFormat::Json => output::json(&serde_json::json!({
            "LoadBalancerId": lb,
            "Servers": standings.iter().map(|s| serde_json::json!({"ServerId": s.id, "State": s.state})).collect::<Vec<_>>(),
        })),
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

    fn row(id: &str, port: u16, status: &str) -> HealthRow {
        HealthRow { server_id: id.into(), port: Some(port), status: status.into() }
    }

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

    #[test]
    fn a_member_with_a_port_is_judged_on_that_port_only() {
        let rows = [row("i-a", 8080, "normal"), row("i-a", 8081, "abnormal")];
        let ids: Vec<String> = ["i-a:8080", "i-a:8081", "i-a"].map(String::from).to_vec();
        let reached: Vec<bool> = health_standings(&ids, &rows).into_iter().map(|s| s.reached).collect();
        assert_eq!(reached, [true, false, false], "a bare id needs every row normal");
    }

    #[test]
    fn healthy_means_normal_on_every_listener() {
        let ids: Vec<String> = ["i-a", "i-b", "i-c", "i-d", "i-e"].map(String::from).to_vec();
        let rows = [
            row("i-a", 80, "normal"),
            row("i-a", 443, "normal"),
            row("i-b", 80, "normal"),
            row("i-b", 443, "abnormal"),
            row("i-c", 80, "unavailable"),
            row("i-d", 80, "normal"),
            row("i-d", 443, "unavailable"),
        ];
        let states: Vec<(String, bool)> =
            health_standings(&ids, &rows).into_iter().map(|s| (s.state, s.reached)).collect();
        assert_eq!(
            states,
            [
                ("normal".to_owned(), true),
                ("abnormal".to_owned(), false),
                ("unavailable".to_owned(), false),
                ("not normal on every listener".to_owned(), false),
                ("no health rows (no running listener serves it)".to_owned(), false),
            ]
        );
    }

    #[test]
    fn listeners_are_checked_locally() {
        assert_eq!(parse_listener("80").unwrap(), (80, None));
        assert_eq!(parse_listener("443/HTTPS").unwrap(), (443, Some("https".into())));
        for bad in ["0", "70000", "80/ftp", "x", "/http", ""] {
            assert_eq!(parse_listener(bad).unwrap_err().exit_code(), 2, "{bad}");
        }
    }
}
