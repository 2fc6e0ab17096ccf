//! ALB/NLB jobs: every change is applied by an asynchronous job whose id the change's
//! answer gives. A job is asked about (ALB `ListAsynJobs`, NLB `GetJobStatus`) at once
//! after half a second, then half again as long each time up to 5 s apart, until it
//! succeeds, fails (exit 4, naming the job and its error) or `--job-timeout` passes
//! (exit 8, naming the job, saying it may still complete, and the command that shows
//! the group's state). `backends wait --job` waits for jobs given by id.

use std::time::{Duration, Instant};

use super::Site;
use crate::cli::{GlobalArgs, WaitArgs};
use crate::error::{Error, Result};
use crate::slb::server_groups::Family;
use crate::slb::server_groups::actions;
use crate::slb::server_groups::answers::{JobState, job_state};
use crate::text::quote;

/// The default `--job-timeout`: 300 s, or the group's connection-drain timeout + 60 s
/// when that is longer (a removal with draining lasts as long as the drain).
pub fn default_timeout(drain_timeout: Option<u64>) -> u64 {
    drain_timeout.map_or(300, |drain| drain.saturating_add(60)).max(300)
}

/// How a job ended, when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobEnd {
    Succeeded,
    /// The service does not know the job (expired, or never recorded): whether the
    /// change happened is for the caller to find out from the members.
    Unknown,
}

/// The polls on which a job the service does not list yet still counts as starting
/// (a job may be listed a moment after the change's answer).
const UNKNOWN_GRACE_POLLS: u32 = 3;

/// The pause before poll `n` (1-based): 0.5 s, growing by half each time, at most 5 s.
pub fn pause_before(n: u32) -> Duration {
    let ms = 500.0 * 1.5f64.powi(i32::try_from(n.saturating_sub(1)).unwrap_or(i32::MAX).min(20));
    Duration::from_millis(ms.min(5000.0) as u64)
}

/// Wait for `job_id`. `list_command` is the read-only command that shows the group's
/// state, for the timeout's message.
pub fn await_job(site: &Site, job_id: &str, timeout_secs: u64, list_command: &str) -> Result<JobEnd> {
    let unit = crate::commands::poll::second();
    let timeout = unit * u32::try_from(timeout_secs).unwrap_or(u32::MAX);
    let started = Instant::now();
    let show = site.global.shows_progress();
    let mut last_state = String::new();
    let mut never_listed = true;
    let mut n = 0;
    loop {
        n += 1;
        let state = match site.call(&actions::job_status(site.family, &site.region, job_id)) {
            Ok(body) => job_state(site.family, job_id, &body)?,
            Err(e) if e.api().is_some_and(|a| a.code.eq_ignore_ascii_case("ResourceNotFound.JobId")) => {
                JobState::Unknown
            }
            Err(e) => return Err(e),
        };
        never_listed &= state == JobState::Unknown;
        let shown = match &state {
            JobState::Running(status) => status.clone(),
            JobState::Unknown => "not listed yet".to_owned(),
            _ => String::new(),
        };
        crate::verbose!("job {job_id}: {state:?}");
        match state {
            JobState::Succeeded => {
                crate::api::audit::job(job_id, "Succeeded");
                return Ok(JobEnd::Succeeded);
            }
            JobState::Failed { code, message } => {
                crate::api::audit::job(job_id, "Failed");
                let said = match (code.is_empty(), message.is_empty()) {
                    (true, true) => "no error given".to_owned(),
                    (false, true) => crate::text::sanitize(&code, 100),
                    (_, false) => format!(
                        "{}: {}",
                        crate::text::sanitize(&code, 100),
                        crate::text::sanitize(&message, 300)
                    ),
                };
                return Err(Error::JobFailed {
                    message: format!("job {job_id} failed ({said})"),
                    hint: Some(format!("to see the group's state, run: {list_command}")),
                });
            }
            JobState::Unknown if n > UNKNOWN_GRACE_POLLS => {
                crate::api::audit::job(job_id, "unknown");
                return Ok(JobEnd::Unknown);
            }
            _ => {}
        }
        if show && shown != last_state && started.elapsed() >= unit {
            eprintln!("slbctl: job {job_id}: {}", crate::text::sanitize(&shown, 60));
            last_state = shown;
        }
        let elapsed = started.elapsed();
        // Not listed once by the deadline: the service does not know it (the members
        // judge), which is not "still running".
        if elapsed >= timeout && never_listed {
            crate::api::audit::job(job_id, "unknown");
            return Ok(JobEnd::Unknown);
        }
        if elapsed >= timeout {
            crate::api::audit::job(job_id, "timeout");
            return Err(Error::Timeout {
                message: format!(
                    "job {job_id} is still running after {timeout_secs} s (--job-timeout); it may still complete"
                ),
                waiting: vec![(job_id.to_owned(), last_state.clone())],
                hint: Some(format!("to see the group's state, run: {list_command}")),
            });
        }
        let pause = unit.mul_f64(pause_before(n).as_secs_f64());
        std::thread::sleep(pause.min(timeout - elapsed));
    }
}

/// `slbctl backends wait --job JOB_ID…`: exit 0 when every job succeeded, 4 when one
/// failed (or the service does not know it), 8 on timeout.
pub fn wait_for_jobs(global: &GlobalArgs, args: &WaitArgs, family: Family) -> Result<()> {
    for job in &args.jobs {
        let ok = !job.is_empty()
            && job.len() <= 128
            && job.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok {
            return Err(Error::usage(format!(
                "job id {} is not one (letters, digits, '-' and '_')",
                quote(job)
            )));
        }
    }
    let site = Site::open(global, family, args.lb.as_deref())?;
    let timeout = args.job_timeout.unwrap_or_else(|| default_timeout(None));
    let list_command = super::show::list_command(&site, args.server_group.as_deref());
    let mut rows = Vec::new();
    for job in &args.jobs {
        match await_job(&site, job, timeout, &list_command)? {
            JobEnd::Succeeded => rows.push(vec![job.clone(), "Succeeded".to_owned()]),
            JobEnd::Unknown => {
                return Err(Error::Verification(format!(
                    "the service does not know job {job} (a wrong id, another region, or a job too old to be kept)"
                )));
            }
        }
    }
    let text = match global.output {
        crate::cli::OutputFormat::Json => crate::output::json(&serde_json::json!({
            "Product": family.label(),
            "Jobs": rows.iter().map(|r| serde_json::json!({"JobId": r[0], "Status": r[1]})).collect::<Vec<_>>(),
        })),
        crate::cli::OutputFormat::Text => crate::output::text_rows(rows.into_iter()),
        crate::cli::OutputFormat::Table => {
            crate::output::table(&["JobId", "Status"], rows.into_iter(), crate::output::stdout_is_terminal())
        }
    };
    crate::output::emit(global.quiet, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polls_grow_from_half_a_second_to_five() {
        let pauses: Vec<u128> = (1..=8).map(|n| pause_before(n).as_millis()).collect();
        assert_eq!(pauses, [500, 750, 1125, 1687, 2531, 3796, 5000, 5000]);
    }

    #[test]
    fn the_default_timeout_covers_the_drain() {
        assert_eq!(default_timeout(None), 300);
        assert_eq!(default_timeout(Some(120)), 300);
        assert_eq!(default_timeout(Some(900)), 960);
    }
}
