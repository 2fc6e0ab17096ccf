//! The product-agnostic RPC client: signing (`sign`), the signed request (`request`),
//! the transport and one call with its retries (`client`, `retry`), proxies (`proxy`)
//! and endpoint rules (`endpoint`), and the audit log of change calls (`audit`). A product (SLB, and STS next) is an input: its code,
//! API version and central regions, so every service slbctl talks to gets the same
//! `--ca-bundle`, proxies, timeouts and plain-http-only-to-loopback rule.
//!
//! May use `output` (for `-v`) and the leaves; never a product, a flag or a file.

pub(crate) mod audit;
pub(crate) mod client;
pub(crate) mod endpoint;
pub(crate) mod proxy;
pub(crate) mod request;
pub(crate) mod retry;
pub(crate) mod sign;

/// What the client needs to know of a product to reach and sign for it.
#[derive(Debug, Clone, Copy)]
pub struct Product {
    /// The host name's first label: `slb` for `slb.cn-hangzhou.aliyuncs.com`.
    pub code: &'static str,
    /// The `Version` parameter of every call.
    pub api_version: &'static str,
    /// Regions served by the central endpoint `CODE.aliyuncs.com`.
    pub central_regions: &'static [&'static str],
    /// Error codes that say "busy with another change; wait and try again": waited out
    /// within `--busy-timeout` (see `client`), not counted against `--retries`. They are
    /// the product's own, so the product names them.
    pub busy_codes: &'static [&'static str],
}
