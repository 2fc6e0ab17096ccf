//! How the backend commands show a load balancer's backends: a table with a summary
//! for people, tab-separated lines for scripts (JSON is the API's own answer).

use crate::output;
use crate::slb::Backend;
use crate::text::sanitize;

/// The backends as a table: box-drawn on a terminal, plain aligned columns otherwise.
/// The Port column (vServer groups) and the Description column appear only when some
/// backend has one.
pub fn backends_table(backends: &[Backend], decorated: bool) -> String {
    let with_description = backends.iter().any(|b| b.description.as_deref().is_some_and(|d| !d.is_empty()));
    let with_port = backends.iter().any(|b| b.port.is_some());
    let mut header = vec!["ServerId"];
    if with_port {
        header.extend(["Port", "ServerIp"]);
    }
    header.extend(["Type", "Weight"]);
    if with_description {
        header.push("Description");
    }
    let rows = backends.iter().map(|b| {
        let mut row = vec![b.server_id.clone()];
        if with_port {
            row.push(b.port.map(|p| p.to_string()).unwrap_or_default());
            row.push(b.server_ip.clone().unwrap_or_default());
        }
        row.extend([
            b.server_type.clone().unwrap_or_default(),
            b.weight.as_ref().map(weight_text).unwrap_or_default(),
        ]);
        if with_description {
            row.push(b.description.clone().unwrap_or_default());
        }
        row
    });
    output::table(&header, rows, decorated)
}

/// The backends as a table (when there are any) and a summary line under it.
pub fn backends_report(backends: &[Backend], summary: &str) -> String {
    let mut text = String::new();
    if !backends.is_empty() {
        text.push_str(&backends_table(backends, output::stdout_is_terminal()));
    }
    text.push_str(&sanitize(summary, usize::MAX));
    text.push('\n');
    text
}

/// Backends for scripts: `ServerId<TAB>Type<TAB>Weight`, one per line, no header. In a
/// vServer group the first column is the member as it is given back to slbctl:
/// `ID:PORT` (`ID:PORT@IP` for an ENI).
pub fn backends_text(backends: &[Backend]) -> String {
    output::text_rows(backends.iter().map(|b| {
        vec![
            b.key(),
            b.server_type.clone().unwrap_or_default(),
            b.weight.as_ref().map(weight_text).unwrap_or_default(),
        ]
    }))
}

fn weight_text(weight: &serde_json::Value) -> String {
    match weight {
        serde_json::Value::String(s) => sanitize(s, usize::MAX),
        other => other.to_string(),
    }
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
            port: None,
            server_ip: None,
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

    #[test]
    fn bidi_overrides_in_a_description_never_reach_the_table() {
        let text = backends_table(&[backend("i-a", json!(100), Some("web\u{202e}1-bew"))], false);
        assert!(!text.contains('\u{202e}'), "{text:?}");
    }
}
