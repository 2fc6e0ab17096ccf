//! The commands slbctl prints for the user to run next (the rest of a partial batch,
//! the restore after an interrupted drain), built in one place from the global options
//! as they were given, so the printed command reproduces the run exactly.

use crate::cli::GlobalArgs;
use crate::slb::ids::MAX_SERVERS_PER_CALL;

/// The command that does the rest of a change, given the keys of what is not done.
pub type Resume<'r> = &'r dyn Fn(&[String]) -> String;

/// `slbctl`, the global flags that were given on the command line (every one, as clap
/// recorded them; those from the environment are still in the environment), then
/// `words` (the subcommand and its flags) and the server ids, quoted for a POSIX shell.
/// `--batch` is added when the ids need more than one call.
pub fn command(global: &GlobalArgs, words: &[String], ids: &[String]) -> String {
    let mut parts: Vec<&str> = vec!["slbctl"];
    parts.extend(global.origin.command_line().iter().map(String::as_str));
    parts.extend(words.iter().map(String::as_str));
    if ids.len() > MAX_SERVERS_PER_CALL && !words.iter().any(|w| w == "--batch") {
        parts.push("--batch");
    }
    parts.extend(ids.iter().map(String::as_str));
    parts.iter().map(|p| shell_quote(p)).collect::<Vec<_>>().join(" ")
}

/// Quote a word for a POSIX shell only when it needs it.
pub fn shell_quote(word: &str) -> String {
    let safe =
        !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c));
    if safe { word.to_owned() } else { format!("'{}'", word.replace('\'', r"'\''")) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::{CommandFactory, FromArgMatches};

    #[test]
    fn shell_quoting_only_when_needed() {
        assert_eq!(shell_quote("i-abc"), "i-abc");
        assert_eq!(shell_quote("http://127.0.0.1:80"), "http://127.0.0.1:80");
        assert_eq!(shell_quote("/my dir/c.toml"), "'/my dir/c.toml'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote(""), "''");
    }

    /// Every global option of the CLI, given as a flag, is repeated: adding an option
    /// to `GlobalArgs` needs no change here.
    #[test]
    fn every_global_flag_is_repeated() {
        let mut command = Cli::command();
        let mut args = vec!["slbctl".to_owned()];
        let mut expected = Vec::new();
        for arg in command.get_arguments().filter(|a| a.is_global_set()) {
            let Some(long) = arg.get_long() else { continue };
            let flag = format!("--{long}");
            let is_flag = matches!(arg.get_action(), clap::ArgAction::SetTrue | clap::ArgAction::Count);
            if is_flag {
                args.push(flag.clone());
                expected.push(flag);
                continue;
            }
            let value = match long {
                "output" => "json",
                "endpoint-type" => "vpc",
                "retries" | "timeout" | "connect-timeout" | "busy-timeout" => "7",
                "endpoint" => "http://127.0.0.1:9",
                _ => "/x y/v",
            };
            args.extend([flag.clone(), value.to_owned()]);
            expected.push(format!("{flag} {}", shell_quote(value)));
        }
        assert!(expected.len() >= 12, "{expected:?}");
        args.extend(["backends", "remove", "--lb", "lb-1", "i-a"].map(str::to_owned));
        let matches = command.try_get_matches_from_mut(&args).unwrap();
        let mut cli = Cli::from_arg_matches(&matches).unwrap();
        cli.global.origin = crate::cli::global_origin(&command, &matches);
        let printed = super::command(&cli.global, &["backends".into(), "remove".into()], &["i-a".into()]);
        for part in &expected {
            assert!(printed.contains(part.as_str()), "{part} missing from {printed}");
        }
    }
}
