//! `slbctl configure`: ask for (or read from stdin) a profile's access key and region,
//! and write them into the slbctl config file.

use std::io::{BufRead, IsTerminal, Write};

use crate::api::endpoint::validate_region;
use crate::cli::GlobalArgs;
use crate::config::DEFAULT_PROFILE;
use crate::config::profile_file::{self, ProfileUpdate};
use crate::error::{Error, Result};
use crate::secret::{Secret, mask_access_key_id};
use crate::slb::ids::validate_id;
use crate::text::quote;

pub fn run(global: &GlobalArgs) -> Result<()> {
    let path = global
        .config
        .clone()
        .or_else(profile_file::default_path)
        .ok_or_else(|| Error::config("no config directory is known for this user; pass --config PATH"))?;
    let existing = profile_file::load(&path, false)?.unwrap_or_default();
    let name = global
        .profile
        .clone()
        .filter(|p| !p.is_empty())
        .or_else(|| existing.default_profile.clone())
        .unwrap_or_else(|| DEFAULT_PROFILE.to_owned());
    validate_id("profile name", &name)?;
    let current = existing.profiles.get(&name).cloned().unwrap_or_default();

    let mut answers = Answers::new();
    eprintln!("Configuring profile {} in {}", quote(&name), path.display());
    let id_default = current.access_key_id.as_deref().map(mask_access_key_id);
    let access_key_id = answers
        .ask("Access key id", id_default.as_deref())?
        .or(current.access_key_id)
        .ok_or_else(|| Error::usage("no access key id given"))?;
    validate_id("access key id", &access_key_id)?;
    let secret_default = current.access_key_secret.as_ref().map(|_| "keep current");
    let access_key_secret = answers
        .ask_secret("Access key secret", secret_default)?
        .map(Secret::new)
        .or(current.access_key_secret)
        .ok_or_else(|| Error::usage("no access key secret given"))?;
    if access_key_secret.expose().chars().any(char::is_control) {
        return Err(Error::usage("the access key secret contains control characters"));
    }
    let region = answers
        .ask("Region", current.region.as_deref())?
        .or(current.region)
        .ok_or_else(|| Error::usage("no region given"))?;
    validate_region(&region)?;

    let update = ProfileUpdate {
        access_key_id: &access_key_id,
        access_key_secret: &access_key_secret,
        region: &region,
    };
    profile_file::write_profile(&path, &name, &update)?;
    eprintln!("slbctl: profile {} saved in {}", quote(&name), path.display());
    Ok(())
}

/// Where answers come from: prompts on a terminal, or lines of stdin for scripts.
struct Answers {
    interactive: bool,
    lines: Option<std::io::Lines<std::io::StdinLock<'static>>>,
}

impl Answers {
    fn new() -> Self {
        let interactive = std::io::stdin().is_terminal();
        Answers { interactive, lines: (!interactive).then(|| std::io::stdin().lock().lines()) }
    }

    /// An answer, or None to keep the current value (an empty answer or no more input).
    fn ask(&mut self, question: &str, current: Option<&str>) -> Result<Option<String>> {
        if self.interactive {
            let mut stderr = std::io::stderr();
            let _ = write!(stderr, "{question}{}: ", current.map(|c| format!(" [{c}]")).unwrap_or_default());
            let _ = stderr.flush();
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line).map_err(read_error)?;
            return Ok(non_empty(line));
        }
        self.next_line()
    }

    fn ask_secret(&mut self, question: &str, current: Option<&str>) -> Result<Option<String>> {
        if self.interactive {
            let prompt = format!("{question}{}: ", current.map(|c| format!(" [{c}]")).unwrap_or_default());
            let answer = rpassword::prompt_password(prompt).map_err(read_error)?;
            return Ok(non_empty(answer));
        }
        self.next_line()
    }

    fn next_line(&mut self) -> Result<Option<String>> {
        match self.lines.as_mut().and_then(Iterator::next) {
            Some(line) => Ok(non_empty(line.map_err(read_error)?)),
            None => Ok(None),
        }
    }
}

fn non_empty(answer: String) -> Option<String> {
    let trimmed = answer.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

fn read_error(e: std::io::Error) -> Error {
    Error::usage(format!("cannot read the answer: {e}"))
}
