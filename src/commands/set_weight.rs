//! `slbctl backends set-weight`: set the weight of member servers (SetBackendServers);
//! weight 0 drains a server.

use super::backends;
use crate::cli::{GlobalArgs, SetWeightArgs};
use crate::error::Result;
use crate::slb::BackendAction;

pub fn run(global: &GlobalArgs, args: &SetWeightArgs) -> Result<()> {
    let summary = format!("weight of {{count}} set to {}", args.weight);
    backends::weighted_action(
        global,
        &args.selection,
        BackendAction::SetWeight,
        args.weight,
        "set-weight",
        &summary,
    )
}
