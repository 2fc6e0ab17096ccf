//! `slbctl backends add`: add servers that are not members yet (AddBackendServers); a
//! member is left as it is, with a warning that names its weight (set-weight changes it).

use super::backends;
use super::server_group::{self, Route, route};
use crate::cli::{AddArgs, GlobalArgs};
use crate::error::Result;
use crate::slb::BackendAction;

pub fn run(global: &GlobalArgs, args: &AddArgs) -> Result<()> {
    let selection = match route(&args.selection)? {
        Route::ServerGroup(family) => return server_group::change::add(global, args, family),
        Route::Clb(selection) => selection,
    };
    let weight = args.weight.unwrap_or(100);
    let summary = format!("{{count}} added at weight {weight}");
    let wait = args.wait_healthy.then_some(&args.timing);
    let checks = backends::Checks { strict: args.strict, verify: false };
    backends::weighted_action(
        global,
        &selection,
        (BackendAction::Add, weight),
        ("add", &summary),
        wait,
        checks,
    )
}
