//! `slbctl backends add`: add servers to a load balancer (AddBackendServers), or update
//! the weight of members.

use super::backends;
use crate::cli::{AddArgs, GlobalArgs};
use crate::error::Result;
use crate::slb::BackendAction;

pub fn run(global: &GlobalArgs, args: &AddArgs) -> Result<()> {
    let summary = format!("{{count}} added at weight {}", args.weight);
    let wait = args.wait_healthy.then_some(&args.timing);
    backends::weighted_action(
        global,
        &args.selection,
        (BackendAction::Add, args.weight),
        "add",
        &summary,
        wait,
    )
}
