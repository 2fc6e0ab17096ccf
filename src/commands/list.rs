//! `slbctl backends list`: the members of a load balancer's default server group, or of
//! one of its vServer groups.

use super::backends::describe;
use super::context::Context;
use super::remove::place;
use super::render;
use crate::cli::{GlobalArgs, ListArgs, OutputFormat};
use crate::error::Result;
use crate::output;
use crate::slb::Group;
use crate::slb::ids::validate_id;

pub fn run(global: &GlobalArgs, args: &ListArgs) -> Result<()> {
    validate_id("load balancer id", &args.lb)?;
    let group = match &args.vserver_group {
        Some(id) => {
            validate_id("vServer group id", id)?;
            Group::VServer { group_id: id.clone() }
        }
        None => Group::Default { load_balancer_id: args.lb.clone() },
    };
    let context = Context::resolve(global)?;
    let client = context.client(global)?;
    let (body, parsed) = describe(&client, &context.region.value, &group)?;
    let text = match global.output {
        OutputFormat::Json => output::json(&body.json()?),
        OutputFormat::Text => render::backends_text(parsed.backends()),
        OutputFormat::Table => render::backends_report(
            parsed.backends(),
            &format!(
                "{}: {} (RequestId {})",
                place(&args.lb, &group),
                output::count(parsed.backends().len(), "backend"),
                parsed.request_id
            ),
        ),
    };
    output::emit(global.quiet, &text)
}
