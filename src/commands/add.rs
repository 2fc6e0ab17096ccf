//! `slbctl backends add`: add servers to a load balancer (AddBackendServers), or update
//! the weight of members.

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
    backends::weighted_action(global, &selection, (BackendAction::Add, weight), "add", &summary, wait)
}
