//! `slbctl backends set-weight`: set the weight of member servers (SetBackendServers);
//! weight 0 drains a server.

use super::backends;
use super::server_group::{self, Route, route};
use crate::cli::{GlobalArgs, SetWeightArgs};
use crate::error::{Error, Result};
use crate::slb::BackendAction;

pub fn run(global: &GlobalArgs, args: &SetWeightArgs) -> Result<()> {
    // Checked before anything is read or sent.
    if args.wait_healthy && args.weight == 0 {
        return Err(Error::usage("--wait-healthy waits for servers to serve, which weight 0 stops")
            .with_hint("to wait for connections to drain, use `backends wait --until drained`"));
    }
    let selection = match route(&args.selection)? {
        Route::ServerGroup(family) => return server_group::change::set_weight(global, args, family),
        Route::Clb(selection) => selection,
    };
    let summary = format!("weight of {{count}} set to {}", args.weight);
    let wait = args.wait_healthy.then_some(&args.timing);
    let action = (BackendAction::SetWeight, args.weight);
    let checks = backends::Checks { strict: args.strict, verify: args.verify };
    backends::weighted_action(global, &selection, action, ("set-weight", &summary), wait, checks)
}
