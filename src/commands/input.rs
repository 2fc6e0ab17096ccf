//! Server ids from the command line, a file (`--from-file`) or stdin (`-`).

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

/// `items` (each with the text that named it) with each repeat left out and named in a
/// warning: the first of those with the same `key` is used.
pub fn once_each<T, K: std::hash::Hash + Eq>(
    items: Vec<(String, T)>,
    key: impl Fn(&T) -> K,
) -> Vec<(String, T)> {
    let mut seen = std::collections::HashSet::new();
    let mut unique = Vec::with_capacity(items.len());
    for (text, item) in items {
        if seen.insert(key(&item)) {
            unique.push((text, item));
        } else {
            crate::output::warn(&format!(
                "server {} is given more than once; using it once",
                crate::text::quote(&text)
            ));
        }
    }
    unique
}

/// Ids in a list file: separated by whitespace or newlines; `#` starts a comment that
/// runs to the end of the line; blank lines are ignored.
pub fn parse_id_list(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split_once('#').map_or(line, |(before, _)| before))
        .flat_map(str::split_whitespace)
        .map(str::to_owned)
        .collect()
}

/// The ids a command works on: from `--from-file`, from stdin when the only argument
/// is `-`, or the arguments themselves.
pub fn server_ids(args: &[String], from_file: Option<&Path>) -> Result<Vec<String>> {
    if let Some(path) = from_file {
        let text = std::fs::read(path).map_err(|e| {
            Error::usage(format!("cannot read server ids from {}: {}", path.display(), e.kind()))
        })?;
        let text = String::from_utf8(text)
            .map_err(|_| Error::usage(format!("{} is not UTF-8 text", path.display())))?;
        return non_empty(parse_id_list(&text), &path.display().to_string());
    }
    match args {
        [only] if only == "-" => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::usage(format!("cannot read server ids from stdin: {e}")))?;
            let text = String::from_utf8(bytes).map_err(|_| Error::usage("stdin is not UTF-8 text"))?;
            non_empty(parse_id_list(&text), "stdin")
        }
        _ if args.iter().any(|a| a == "-") => {
            Err(Error::usage("`-` (read ids from stdin) must be the only server argument"))
        }
        _ => Ok(args.to_vec()),
    }
}

fn non_empty(ids: Vec<String>, source: &str) -> Result<Vec<String>> {
    if ids.is_empty() { Err(Error::usage(format!("no server ids in {source}"))) } else { Ok(ids) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_files_allow_comments_blank_lines_and_any_whitespace() {
        let text = "# servers to drain\ni-a i-b\n\n\ti-c   # the canary\n  #i-d\ni-e\r\n";
        assert_eq!(parse_id_list(text), ["i-a", "i-b", "i-c", "i-e"]);
        assert!(parse_id_list("# nothing\n\n").is_empty());
    }

    #[test]
    fn dash_mixed_with_ids_is_refused() {
        let args = vec!["i-a".to_owned(), "-".to_owned()];
        assert_eq!(server_ids(&args, None).unwrap_err().exit_code(), 2);
    }

    #[test]
    fn plain_arguments_pass_through() {
        let args = vec!["i-a".to_owned(), "i-b".to_owned()];
        assert_eq!(server_ids(&args, None).unwrap(), args);
    }
}
