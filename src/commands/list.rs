//! `slbctl backends list`: the backends of a load balancer's default server group.

use super::backends::describe;
use super::context::Context;
use super::render;
use crate::cli::{GlobalArgs, ListArgs, OutputFormat};
use crate::error::Result;
use crate::output;
use crate::slb::ids::validate_id;

pub fn run(global: &GlobalArgs, args: &ListArgs) -> Result<()> {
    validate_id("load balancer id", &args.lb)?;
    let context = Context::resolve(global)?;
    let client = context.client(global)?;
    let (body, parsed) = describe(&client, &context.region.value, &args.lb)?;
    let text = match global.output {
        OutputFormat::Json => output::json(&body.json()?),
        OutputFormat::Text => render::backends_text(parsed.backends()),
        OutputFormat::Table => render::backends_report(
            parsed.backends(),
            &format!(
                "{}: {} (RequestId {})",
                args.lb,
                output::count(parsed.backends().len(), "backend"),
                parsed.request_id
            ),
        ),
    };
    output::emit(global.quiet, &text)
}
