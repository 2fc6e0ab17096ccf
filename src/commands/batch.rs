//! Running a backend action over any number of servers: calls of at most 20, in order,
//! progress on stderr, and on a failure part-way the exact command that finishes the job.

use super::rerun::{self, Resume};
use crate::api::client::Client;
use crate::cli::GlobalArgs;
use crate::error::{Error, Result};
use crate::output;
use crate::slb::ids::batches;
use crate::slb::{self, BackendAction, BackendServerRef, Group};

/// What a completed run keeps: the last call's answer (the group after the change, all
/// the output needs) and every call's RequestId. Earlier answers are dropped as soon as
/// they are read: each lists the whole group, so keeping them all made memory grow with
/// the square of a batch (84 MiB for 2,000 servers).
pub struct BatchOutcome {
    pub last: serde_json::Value,
    pub request_ids: Vec<String>,
    pub calls: usize,
}

/// Send `servers` in calls of at most 20. If call k > 1 fails for good, the result is
/// [`Error::Partial`] with what was done, what was not, and `resume(not_done)`, the
/// command that does the rest; Ctrl-C during a batch of several calls says so too. A
/// failure of the first call is returned as it is, and so is every failure without
/// `resume` (a caller that keeps its own record of what is left, and its own note for
/// Ctrl-C: standby).
/// Progress is reported on stderr, but never as plain lines with `--output json`, where
/// stderr is reserved for a JSON error.
pub fn run(
    global: &GlobalArgs,
    client: &Client,
    action: BackendAction,
    (region, lb): (&str, &str),
    group: &Group,
    servers: &[BackendServerRef],
    resume: Option<Resume>,
) -> Result<BatchOutcome> {
    // What a change lost on the network may have done is shown by this command.
    let mut list_words: Vec<String> = vec!["backends".into(), "list".into(), "--lb".into(), lb.to_owned()];
    if let Group::VServer { group_id } = group {
        list_words.extend(["--vserver-group".to_owned(), group_id.clone()]);
    }
    let list_command = rerun::command(global, &list_words, &[]);
    let chunks: Vec<&[BackendServerRef]> = batches(servers).collect();
    let total = chunks.len();
    let progress = Progress::new(total, action, global.shows_progress());
    let mut last = None;
    let mut request_ids = Vec::with_capacity(total);
    for (index, chunk) in chunks.iter().enumerate() {
        if let (true, Some(resume)) = (total > 1, resume) {
            // What Ctrl-C now leaves: the batches before this one are done, this one
            // may or may not be (the actions are idempotent), the rest are not.
            let done: usize = chunks[..index].iter().map(|c| c.len()).sum();
            let rest: Vec<String> =
                chunks[index..].iter().flat_map(|c| c.iter().map(BackendServerRef::key)).collect();
            crate::interrupt::set_note(Some(format!(
                "{} of {} servers {} ({index} of {total} batches done; batch {} may or may not have been applied); to finish: {}",
                done,
                servers.len(),
                progress.verb,
                index + 1,
                resume(&rest)
            )));
        }
        let params = slb::backend_action(action, region, group, chunk)?;
        match client.call_raw(&params) {
            Ok(answer) => {
                progress.done(index + 1, chunk.len(), &answer.request_id);
                request_ids.push(answer.request_id.clone());
                last = Some(answer);
            }
            Err(failure) => {
                progress.abandon();
                if resume.is_some() {
                    // The note is this run's own (a caller without `resume` keeps its).
                    crate::interrupt::set_note(None);
                }
                let failure = failure.unknown_outcome_if_lost(&list_command);
                let Some(resume) = resume.filter(|_| index > 0) else {
                    return Err(failure);
                };
                let ids = |batches: &[&[BackendServerRef]]| -> Vec<String> {
                    batches.iter().flat_map(|b| b.iter().map(BackendServerRef::key)).collect()
                };
                let not_done = ids(&chunks[index..]);
                return Err(Error::Partial {
                    verb: progress.verb,
                    failed_batch: index + 1,
                    batches: total,
                    failure: Box::new(failure),
                    done: ids(&chunks[..index]),
                    resume: resume(&not_done),
                    not_done,
                });
            }
        }
    }
    progress.finish();
    if total > 1 && resume.is_some() {
        crate::interrupt::set_note(None);
    }
    // Only now is an answer turned into a tree: the last, which the output shows.
    let last = match last {
        Some(answer) => answer.json()?,
        None => serde_json::Value::Null,
    };
    Ok(BatchOutcome { last, request_ids, calls: total })
}

/// A progress bar on a stderr terminal that can draw one; one line per batch otherwise.
/// Silent for a single call, where a progress report would be noise.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    total: usize,
    verb: &'static str,
    lines: bool,
}

impl Progress {
    fn new(total: usize, action: BackendAction, lines: bool) -> Self {
        let verb = match action {
            BackendAction::Remove => "removed",
            BackendAction::Add => "added",
            BackendAction::SetWeight => "weighted",
        };
        let bar = (total > 1 && output::stderr_is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} batches {msg}")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_prefix(action.name());
            bar.tick(); // draw at once, not at the first finished batch
            bar
        });
        // indicatif hides itself on a terminal it cannot draw on (TERM unset or dumb);
        // then report with lines as in a pipe.
        let bar = bar.filter(|b| !b.is_hidden());
        Progress { bar, total, verb, lines }
    }

    fn done(&self, batch: usize, servers: usize, request_id: &str) {
        if self.total <= 1 {
            return;
        }
        match &self.bar {
            Some(bar) => bar.inc(1),
            None if !self.lines => {}
            None => eprintln!(
                "slbctl: batch {batch}/{}: {} {servers} server{} (RequestId {request_id})",
                self.total,
                self.verb,
                if servers == 1 { "" } else { "s" }
            ),
        }
    }

    fn abandon(&self) {
        if let Some(bar) = &self.bar {
            bar.abandon();
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
