//! `slbctl completions SHELL` and `slbctl man`: generated from the clap definitions, so
//! they cannot drift from the real interface (a test compares the committed copies).
//! `slbctl man` is one page per command (`slbctl.1`, `slbctl-backends-remove.1`, …;
//! `--dir DIR` writes them all), each with ENVIRONMENT, FILES and EXIT STATUS.

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::{Error, Result};
use crate::output;

/// The completion script for a shell, as committed under `completions/`.
pub fn completion_script(shell: clap_complete::Shell) -> String {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "slbctl", &mut buffer);
    String::from_utf8_lossy(&buffer).into_owned()
}

/// The sections every page ends with: what slbctl reads from the environment, the
/// files it uses, and its exit codes.
const TAIL: &str = r#".SH "EXIT STATUS"
.TP
0
success (also \fB--dry-run\fR, and a closed stdout pipe)
.TP
1
anything unexpected
.TP
2
usage or local validation error; nothing was sent
.TP
3
configuration or credentials error; nothing was sent
.TP
4
the API answered with an error; --verify/--strict found a server still present or not a member; an ALB/NLB job failed; a wait that can never end
.TP
5
network failure, timeout, or an unreadable answer; a change whose outcome is unknown
.TP
6
partial: some batches or groups were done, then one failed (the command that finishes is printed)
.TP
7
refused by a guard (--min-remaining, --min-healthy); nothing was changed
.TP
8
a wait or an ALB/NLB job ran out of time
.SH ENVIRONMENT
.TP
ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN
access key credentials (also the ALIBABACLOUD_* and ALICLOUD_* spellings)
.TP
ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE
assume a RAM role with an OIDC token
.TP
ALIBABA_CLOUD_CREDENTIALS_URI, ALIBABA_CLOUD_ECS_METADATA, ALIBABA_CLOUD_ECS_METADATA_DISABLED
credentials from a URI; the ECS instance's RAM role, or never ask the metadata server
.TP
ALIBABA_CLOUD_PROFILE, SLBCTL_PROFILE, SLBCTL_CONFIG, ALIBABA_CLOUD_CONFIG_FILE, ALIBABA_CLOUD_CREDENTIALS_FILE
which profile, and the profile files
.TP
ALIBABA_CLOUD_REGION_ID, ALICLOUD_REGION_ID, ALICLOUD_REGION
the region
.TP
SLBCTL_ENDPOINT, SLBCTL_ALB_ENDPOINT, SLBCTL_NLB_ENDPOINT, ALIBABA_CLOUD_ENDPOINT_TYPE, ALIBABA_CLOUD_STS_ENDPOINT
the CLB, ALB, NLB and STS endpoints; public or vpc
.TP
SLBCTL_CA_BUNDLE, SSL_CERT_FILE, HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY
extra trusted CAs, and proxies
.TP
SLBCTL_RETRIES, SLBCTL_TIMEOUT, SLBCTL_BUSY_TIMEOUT, SLBCTL_JOB_TIMEOUT, SLBCTL_NO_CREDENTIAL_CACHE
retries, timeouts, and the credential cache
.TP
NO_COLOR
no colour on a terminal
.SH FILES
.TP
~/.config/slbctl/config.toml
slbctl's profiles
.TP
~/.aliyun/config.json, ~/.alibabacloud/credentials.ini
the aliyun CLI's profiles and the official credentials file
.TP
$XDG_STATE_HOME/slbctl/standby/REGION/ID.json
standby state files (~/.local/state/...)
.TP
$XDG_CACHE_HOME/slbctl/
the cache of temporary credentials (mode 0600)
"#;

/// The roff manual page of `slbctl`, or of the subcommand `words` names
/// (`["backends", "remove"]`), with ENVIRONMENT, FILES and EXIT STATUS sections.
pub fn man_page(words: &[String]) -> Result<String> {
    let mut top = Cli::command().disable_help_subcommand(true);
    top.build();
    let mut cmd = &top;
    for word in words {
        cmd = cmd.get_subcommands().find(|s| s.get_name() == word).ok_or_else(|| {
            Error::usage(format!(
                "no command {} to show",
                crate::text::quote(&format!("slbctl {}", words.join(" ")))
            ))
            .with_hint(
                "give a command's words, e.g. `slbctl man backends remove`, or --dir DIR for every page",
            )
        })?;
    }
    render(cmd)
}

fn render(cmd: &clap::Command) -> Result<String> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buffer = Vec::new();
    let io = |e: std::io::Error| Error::Other(e.into());
    man.render_title(&mut buffer).map_err(io)?;
    man.render_name_section(&mut buffer).map_err(io)?;
    man.render_synopsis_section(&mut buffer).map_err(io)?;
    man.render_description_section(&mut buffer).map_err(io)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut buffer).map_err(io)?;
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut buffer).map_err(io)?;
    }
    if cmd.get_after_help().is_some() || cmd.get_after_long_help().is_some() {
        man.render_extra_section(&mut buffer).map_err(io)?;
    }
    buffer.extend_from_slice(TAIL.as_bytes());
    if cmd.get_version().is_some() || cmd.get_long_version().is_some() {
        man.render_version_section(&mut buffer).map_err(io)?;
    }
    Ok(String::from_utf8_lossy(&buffer).into_owned())
}

/// Every page, as (file name, roff): `slbctl.1`, `slbctl-backends.1`,
/// `slbctl-backends-remove.1`, …
pub fn man_pages() -> Result<Vec<(String, String)>> {
    let mut top = Cli::command().disable_help_subcommand(true);
    top.build();
    let mut pages = Vec::new();
    fn walk(cmd: &clap::Command, pages: &mut Vec<(String, String)>) -> Result<()> {
        let name = cmd.get_display_name().unwrap_or_else(|| cmd.get_name()).to_owned();
        pages.push((format!("{name}.1"), render(cmd)?));
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sub, pages)?;
        }
        Ok(())
    }
    walk(&top, &mut pages)?;
    Ok(pages)
}

/// Asked for explicitly, so printed even with -q.
pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    output::emit(false, &completion_script(shell))
}

/// `slbctl man [COMMAND…]` prints one page; `--dir DIR` writes every page there.
pub fn man(dir: Option<&std::path::Path>, words: &[String]) -> Result<()> {
    let Some(dir) = dir else {
        return output::emit(false, &man_page(words)?);
    };
    if !words.is_empty() {
        return Err(Error::usage("--dir writes every page; give no command with it"));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::config(format!("cannot create {}: {}", dir.display(), e.kind())))?;
    let pages = man_pages()?;
    for (name, text) in &pages {
        let path = dir.join(name);
        std::fs::write(&path, text)
            .map_err(|e| Error::config(format!("cannot write {}: {}", path.display(), e.kind())))?;
    }
    eprintln!("slbctl: wrote {} manual pages to {}", pages.len(), dir.display());
    Ok(())
}
