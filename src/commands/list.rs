//! `slbctl backends list`: the members of a load balancer's default server group, or of
//! one of its vServer groups.

use super::context::Context;
use super::members::{describe_checked, place};
use super::render;
use super::server_group::{self, product_of};
use crate::cli::{GlobalArgs, ListArgs, OutputFormat};
use crate::error::Result;
use crate::output;
use crate::slb::Group;
use crate::slb::ids::validate_id;

pub fn run(global: &GlobalArgs, args: &ListArgs) -> Result<()> {
    let product = product_of(args.lb.as_deref(), args.product)?;
    if let Some(family) = product.family() {
        return server_group::show::list(global, args, family);
    }
    let Some(lb) = args.lb.as_deref() else {
        return Err(crate::error::Error::usage("CLB commands need --lb"));
    };
    let group = match args.vserver_group.as_ref().or(args.server_group.as_ref()) {
        Some(id) => {
            validate_id("vServer group id", id)?;
            Group::VServer { group_id: id.clone() }
        }
        None => Group::Default { load_balancer_id: lb.to_owned() },
    };
    let context = Context::resolve(global)?;
    let client = context.client(global)?;
    let (body, parsed) = describe_checked(&client, &context.region.value, lb, &group)?;
    let text = match global.output {
        OutputFormat::Json => output::json(&body.json()?),
        OutputFormat::Text => render::backends_text(parsed.backends()),
        OutputFormat::Table => render::backends_report(
            parsed.backends(),
            &format!(
                "{}: {} (RequestId {})",
                place(lb, &group),
                output::count(parsed.backends().len(), "backend"),
                parsed.request_id
            ),
        ),
    };
    output::emit(global.quiet, &text)
}
