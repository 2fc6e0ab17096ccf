//! Rendering for people and scripts, product-agnostic: the output formats, tables, JSON,
//! warnings and errors on stderr, and the terminal and colour decisions, made once.
//! Uses only the leaves (`error`, `text`); what a table holds is the commands' business.
//! `log` is the `-v` channel every layer above may write to.

pub(crate) mod log;

use std::io::{self, IsTerminal, Write};
use std::sync::OnceLock;

use comfy_table::{ContentArrangement, Table, presets};

use crate::error::Error;
use crate::text::sanitize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// A table for people, plus a one-line summary.
    Table,
    /// The API's answer as JSON, every field kept; errors as JSON on stderr too.
    Json,
    /// One backend per line, tab-separated (ServerId, Type, Weight), no header.
    Text,
}

/// What the terminal allows, decided once per process.
struct Terminal {
    stdout: bool,
    stderr: bool,
    stderr_colour: bool,
}

fn terminal() -> &'static Terminal {
    static TERMINAL: OnceLock<Terminal> = OnceLock::new();
    TERMINAL.get_or_init(|| {
        let stderr = io::stderr().is_terminal();
        Terminal {
            stdout: io::stdout().is_terminal(),
            stderr,
            // fd's rule (https://no-color.org): colour only on a terminal, and only
            // when NO_COLOR is unset or empty.
            stderr_colour: stderr && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    })
}

/// Decoration only when a person is looking: stdout is a terminal.
pub fn stdout_is_terminal() -> bool {
    terminal().stdout
}

/// Whether stderr is a terminal (live progress lines, countdowns).
pub fn stderr_is_terminal() -> bool {
    terminal().stderr
}

/// Colour on stderr only for a terminal, and only when NO_COLOR is unset or empty.
pub fn stderr_colour() -> bool {
    terminal().stderr_colour
}

const RED_BOLD: &str = "\x1b[1;31m";
const YELLOW_BOLD: &str = "\x1b[1;33m";
const RESET: &str = "\x1b[0m";

fn label(text: &str, colour: &str) -> String {
    if stderr_colour() { format!("{colour}{text}{RESET}") } else { text.to_owned() }
}

/// A warning on stderr: `slbctl: warning: …`.
pub fn warn(message: &str) {
    eprintln!("slbctl: {} {message}", label("warning:", YELLOW_BOLD));
}

/// Report an error once on stderr: one line plus an optional hint, or with
/// `--output json` a JSON object, so that pipelines can branch on its fields.
pub fn report_error(error: &Error, format: OutputFormat) {
    let text = match format {
        OutputFormat::Json => json(&error_json(error)),
        OutputFormat::Table | OutputFormat::Text => {
            let mut text = format!("slbctl: {} {error}\n", label("error:", RED_BOLD));
            if let Error::Partial { verb, done, not_done, .. } = error {
                text.push_str(&format!(
                    "  {verb}: {}\n  not {verb}: {}\n",
                    done.join(" "),
                    not_done.join(" ")
                ));
            }
            if let Some(hint) = error.hint() {
                text.push_str(&format!("  hint: {hint}\n"));
            }
            text
        }
    };
    // If stderr itself is gone there is nowhere left to report to; the exit code tells.
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// `{"error": {"kind", "code", "message", "request_id", "hint", "exit_code"}}`.
pub fn error_json(error: &Error) -> serde_json::Value {
    let api = error.api();
    let mut fields = serde_json::json!({
        "kind": error.kind(),
        "code": api.map(|a| a.code.clone()),
        "message": api.map_or_else(|| error.to_string(), |a| a.message.clone()),
        "request_id": api.and_then(|a| a.request_id.clone()),
        "hint": error.hint(),
        "exit_code": error.exit_code(),
    });
    if let Error::GaveUp { attempts, .. } = error {
        fields["attempts"] = (*attempts).into();
    }
    if let Error::Timeout { waiting, .. } = error {
        fields["waiting"] = waiting
            .iter()
            .map(|(id, state)| serde_json::json!({"ServerId": id, "State": state}))
            .collect::<Vec<_>>()
            .into();
    }
    if let Error::Partial { failed_batch, batches, done, not_done, resume, .. } = error {
        fields["failed_batch"] = (*failed_batch).into();
        fields["batches"] = (*batches).into();
        fields["done"] = serde_json::json!(done);
        fields["not_done"] = serde_json::json!(not_done);
        fields["resume"] = resume.clone().into();
    }
    serde_json::json!({ "error": fields })
}

/// Write to stdout, treating a closed pipe (`slbctl … | head -1`) as a normal end.
pub fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Write a command's result to stdout, unless `--quiet`. Any failure but a closed
/// pipe is an unexpected error (exit 1).
pub fn emit(quiet: bool, text: &str) -> crate::error::Result<()> {
    if quiet {
        return Ok(());
    }
    print(text).map_err(|e| Error::Other(anyhow::anyhow!("cannot write the output: {e}")))
}

/// "1 server", "2 servers".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// A table: box-drawn when `decorated` (a terminal), else plain columns with no leading
/// space and two spaces between columns. Cells are cleaned of control characters and
/// lines of trailing blanks.
pub fn table(header: &[&str], rows: impl Iterator<Item = Vec<String>>, decorated: bool) -> String {
    if !decorated {
        return plain_columns(header, rows);
    }
    let mut table = Table::new();
    table.load_preset(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Disabled);
    table.set_header(header.to_vec());
    for row in rows {
        table.add_row(row.iter().map(|cell| sanitize(cell, usize::MAX)).collect::<Vec<_>>());
    }
    table.lines().map(|line| format!("{}\n", line.trim_end())).collect()
}

/// Plain columns, laid out here rather than by comfy-table: scripts and pipes get these,
/// often thousands of rows (a 5,000-server `--verify`), and comfy-table keeps a styled
/// cell and a formatted line per cell, which cost about 2 MiB of peak memory there.
/// Sanitized cells never hold a line break, so a row is always one line.
fn plain_columns(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    use unicode_width::UnicodeWidthStr;
    let rows: Vec<Vec<String>> =
        rows.map(|row| row.iter().map(|cell| sanitize(cell, usize::MAX)).collect()).collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in &rows {
        for (column, cell) in row.iter().enumerate() {
            match widths.get_mut(column) {
                Some(width) => *width = (*width).max(cell.width()),
                None => widths.push(cell.width()),
            }
        }
    }
    let mut text =
        String::with_capacity((rows.len() + 1) * (widths.iter().sum::<usize>() + 2 * widths.len() + 1));
    let header = header.iter().copied();
    for row in std::iter::once(header.collect::<Vec<_>>())
        .chain(rows.iter().map(|r| r.iter().map(String::as_str).collect()))
    {
        let line_start = text.len();
        for (column, cell) in row.iter().enumerate() {
            text.push_str(cell);
            let padding = widths[column] - cell.width() + 2;
            text.extend(std::iter::repeat_n(' ', padding));
        }
        text.truncate(text[line_start..].trim_end().len() + line_start);
        text.push('\n');
    }
    text
}

/// `--output text`: one line a row, cells separated by tabs, no header. Cells are
/// cleaned as in [`table`], so that no value (a name from the API, a profile file) can
/// break a line or a column, or reach the terminal as a control sequence.
pub fn text_rows(rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut text = String::new();
    for row in rows {
        for (column, cell) in row.iter().enumerate() {
            if column > 0 {
                text.push('\t');
            }
            text.push_str(&sanitize(cell, usize::MAX));
        }
        text.push('\n');
    }
    text
}

/// JSON output: the body as the API sent it, pretty-printed.
pub fn json(value: &impl serde::Serialize) -> String {
    // Serializing plain data (a JSON tree, or a struct of strings and numbers) cannot fail.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_error_carries_kind_code_and_request_id() {
        let api = crate::error::ApiError {
            http_status: 400,
            code: "Throttling".into(),
            message: "slow down".into(),
            request_id: Some("R-1".into()),
        };
        let err = Error::GaveUp { attempts: 4, last: Box::new(Error::Api(api)) };
        let v = error_json(&err);
        assert_eq!(v["error"]["kind"], "api");
        assert_eq!(v["error"]["code"], "Throttling");
        assert_eq!(v["error"]["message"], "slow down");
        assert_eq!(v["error"]["request_id"], "R-1");
        assert_eq!(v["error"]["attempts"], 4);
        assert_eq!(v["error"]["exit_code"], 4);
        let v = error_json(&Error::usage("bad id"));
        assert_eq!(v["error"]["kind"], "usage");
        assert!(v["error"]["code"].is_null());
        assert_eq!(v["error"]["exit_code"], 2);
    }
}
