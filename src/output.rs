//! Rendering results for people (tables) and for scripts (JSON), and the terminal rule.

use std::io::{self, IsTerminal, Write};

use comfy_table::{ContentArrangement, Table, presets};

use crate::cli::OutputFormat;
use crate::client::SignedRequest;
use crate::config::Source;
use crate::error::Error;
use crate::slb::Backend;

/// Decoration only when a person is looking: stdout is a terminal.
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Colour on stderr only for a terminal, and only when NO_COLOR is unset or empty
/// (fd's rule, https://no-color.org).
pub fn stderr_colour() -> bool {
    io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
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
pub fn emit(quiet: bool, text: &str) -> crate::Result<()> {
    if quiet {
        return Ok(());
    }
    print(text).map_err(|e| Error::Other(anyhow::anyhow!("cannot write the output: {e}")))
}

/// The backends as a table: box-drawn on a terminal, plain aligned columns otherwise.
/// The Description column appears only when some backend has one.
pub fn backends_table(backends: &[Backend], decorated: bool) -> String {
    let with_description = backends.iter().any(|b| b.description.as_deref().is_some_and(|d| !d.is_empty()));
    let mut header = vec!["ServerId", "Type", "Weight"];
    if with_description {
        header.push("Description");
    }
    let rows = backends.iter().map(|b| {
        let mut row = vec![
            b.server_id.clone(),
            b.server_type.clone().unwrap_or_default(),
            b.weight.as_ref().map(weight_text).unwrap_or_default(),
        ];
        if with_description {
            row.push(b.description.clone().unwrap_or_default());
        }
        row
    });
    table(&header, rows, decorated)
}

/// The backends as a table (when there are any) and a summary line under it.
pub fn backends_report(backends: &[Backend], summary: &str) -> String {
    let mut text = String::new();
    if !backends.is_empty() {
        text.push_str(&backends_table(backends, stdout_is_terminal()));
    }
    text.push_str(&clean(summary));
    text.push('\n');
    text
}

/// "1 server", "2 servers".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// A table: box-drawn when `decorated` (a terminal), else plain columns with no leading
/// space and two spaces between columns. Cells are cleaned of control characters and
/// lines of trailing blanks.
pub fn table(header: &[&str], rows: impl Iterator<Item = Vec<String>>, decorated: bool) -> String {
    let mut table = Table::new();
    table.load_preset(if decorated { presets::UTF8_FULL_CONDENSED } else { presets::NOTHING });
    table.set_content_arrangement(ContentArrangement::Disabled);
    table.set_header(header.to_vec());
    for row in rows {
        table.add_row(row.iter().map(|cell| clean(cell)).collect::<Vec<_>>());
    }
    if !decorated {
        for column in table.column_iter_mut() {
            column.set_padding((0, 2));
        }
    }
    table.lines().map(|line| format!("{}\n", line.trim_end())).collect()
}

/// Backends for scripts: `ServerId<TAB>Type<TAB>Weight`, one per line, no header.
pub fn backends_text(backends: &[Backend]) -> String {
    let mut text = String::new();
    for b in backends {
        text.push_str(&format!(
            "{}\t{}\t{}\n",
            clean(&b.server_id),
            clean(b.server_type.as_deref().unwrap_or("")),
            b.weight.as_ref().map(weight_text).unwrap_or_default()
        ));
    }
    text
}

fn weight_text(weight: &serde_json::Value) -> String {
    match weight {
        serde_json::Value::String(s) => clean(s),
        other => other.to_string(),
    }
}

/// Values from elsewhere go into a terminal: no control characters.
pub fn clean(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// JSON output: the body as the API sent it, pretty-printed.
pub fn json(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
    text.push('\n');
    text
}

pub fn dry_run_text(request: &SignedRequest, endpoint_source: &Source) -> String {
    let params = request.masked_params();
    let width = params.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let mut text = format!("{} {}\n  # endpoint: {endpoint_source}\n", request.method, request.endpoint);
    for (name, value) in params {
        text.push_str(&format!("  {name:width$}  {value}\n"));
    }
    text
}

/// `--dry-run --output text`: `name<TAB>value` lines, method and URL first.
pub fn dry_run_tsv(request: &SignedRequest) -> String {
    let mut text = format!("method\t{}\nurl\t{}\n", request.method, request.endpoint);
    for (name, value) in request.masked_params() {
        text.push_str(&format!("{name}\t{value}\n"));
    }
    text
}

pub fn dry_run_json(request: &SignedRequest, endpoint_source: &Source) -> String {
    let params: serde_json::Map<String, serde_json::Value> =
        request.masked_params().into_iter().map(|(k, v)| (k, serde_json::Value::String(v))).collect();
    json(&serde_json::json!({
        "dry_run": true,
        "method": request.method,
        "url": request.endpoint.as_str(),
        "endpoint_source": endpoint_source.to_string(),
        "signed": request.signed,
        "parameters": params,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn backend(id: &str, weight: serde_json::Value, description: Option<&str>) -> Backend {
        Backend {
            server_id: id.into(),
            server_type: Some("ecs".into()),
            weight: Some(weight),
            description: description.map(str::to_owned),
        }
    }

    #[test]
    fn plain_table_has_aligned_columns_and_no_box_drawing() {
        let text =
            backends_table(&[backend("i-a", json!(100), None), backend("i-bbbb", json!("50"), None)], false);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].starts_with("ServerId  Type") && lines[0].contains("Weight"), "{text}");
        assert!(!lines[0].contains("Description"));
        assert!(lines[2].contains("i-bbbb") && lines[2].contains("50"));
        assert!(text.is_ascii(), "{text}");
        assert!(lines.iter().all(|l| l == &l.trim_end()));
    }

    #[test]
    fn text_output_is_tab_separated_without_header() {
        let text =
            backends_text(&[backend("i-a", json!(100), Some("x")), backend("i-b\tx", json!("0"), None)]);
        assert_eq!(text, "i-a\tecs\t100\ni-b x\tecs\t0\n");
    }

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

    #[test]
    fn rendered_tables_are_deliberate() {
        let backends = [
            backend("i-bp1a2b3c4d5e6f7g8h9i", json!(100), Some("web-1")),
            backend("eni-bp1xyz", json!(0), None),
        ];
        insta::assert_snapshot!("table_terminal", backends_table(&backends, true));
        insta::assert_snapshot!("table_plain", backends_table(&backends, false));
    }

    #[test]
    fn description_column_appears_when_present() {
        let text = backends_table(&[backend("i-a", json!(100), Some("web\u{1b}[31m"))], true);
        assert!(text.contains("Description") && text.contains("web [31m"), "{text}");
        assert!(!text.contains('\u{1b}'));
    }
}
