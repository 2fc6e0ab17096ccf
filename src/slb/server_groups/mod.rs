//! ALB (`Alb` 2020-06-16) and NLB (`Nlb` 2022-04-30) server groups: which product a
//! load balancer id names, each product's endpoint code, version and busy codes, the
//! members a group holds (`members`), the calls slbctl makes (`actions`: every
//! parameter in the query or the form body where the product's API model puts it) and
//! the answers it reads (`answers`). CLB's own actions live in `slb` itself.
//!
//! The two products differ in small ways, each named once here: where parameters go,
//! how many members a weight update takes, whether port 0 is a port, how a job is
//! asked about, and how health and drain settings are spelled in answers.
//!
//! Like the rest of `slb`: may use `api` (the product description) and the leaves.

pub(crate) mod actions;
pub(crate) mod answers;
pub(crate) mod members;

use crate::api::Product;

/// The load-balancer products slbctl manages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum LbProduct {
    /// Classic load balancer (SLB/CLB, 2014-05-15): `lb-…` ids.
    Clb,
    /// Application Load Balancer (2020-06-16): `alb-…` ids.
    Alb,
    /// Network Load Balancer (2022-04-30): `nlb-…` ids.
    Nlb,
}

impl LbProduct {
    /// The product a load balancer id names by its prefix; None for an unknown prefix
    /// (then CLB is assumed where no `--product` says otherwise, as before ALB/NLB).
    pub fn of_id(load_balancer_id: &str) -> Option<LbProduct> {
        if load_balancer_id.starts_with("alb-") {
            Some(LbProduct::Alb)
        } else if load_balancer_id.starts_with("nlb-") {
            Some(LbProduct::Nlb)
        } else if load_balancer_id.starts_with("lb-") {
            Some(LbProduct::Clb)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            LbProduct::Clb => "clb",
            LbProduct::Alb => "alb",
            LbProduct::Nlb => "nlb",
        }
    }

    /// The server-group family, for ALB and NLB.
    pub fn family(self) -> Option<Family> {
        match self {
            LbProduct::Clb => None,
            LbProduct::Alb => Some(Family::Alb),
            LbProduct::Nlb => Some(Family::Nlb),
        }
    }
}

/// The two products whose backends are server groups (`sgp-…`) with asynchronous jobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Alb,
    Nlb,
}

/// Busy answers of server-group changes: the group is running another job
/// (`IncorrectStatus.ServerGroup`, spelled `IncorrectStatus.serverGroup` in NLB's
/// documents: codes are compared without regard to case), a lock is held, the system is
/// busy, or the same ClientToken is still being processed. Terraform retries each of
/// them (facts: alb-nlb.md 4d, 7b). Whether ALB also answers `Conflict.Lock` is
/// unconfirmed; waiting it out is the safe reading.
const BUSY_CODES: &[&str] = &[
    "IncorrectStatus.ServerGroup",
    "Conflict.Lock",
    "SystemBusy",
    "IdempotenceProcessing",
    "OperationFailed.ResourceIsConfiguring",
];

/// The busy code after which a retry keeps its ClientToken: the first request with it
/// is still being processed, so a fresh token could apply the change twice.
pub const TOKEN_KEPT_FOR: &[&str] = &["IdempotenceProcessing"];

/// ALB: `alb[-vpc].REGION.aliyuncs.com` for every region (no central endpoint).
pub const ALB: Product =
    Product { code: "alb", api_version: "2020-06-16", central_regions: &[], busy_codes: BUSY_CODES };

/// NLB: `nlb[-vpc].REGION.aliyuncs.com` for every region.
pub const NLB: Product =
    Product { code: "nlb", api_version: "2022-04-30", central_regions: &[], busy_codes: BUSY_CODES };

/// The most members one add or remove call takes (both products).
pub const MAX_MEMBERS_PER_CHANGE: usize = 200;

/// ALB's weight updates take at most 40 members a call (facts 2c).
pub const MAX_ALB_MEMBERS_PER_UPDATE: usize = 40;

/// The page size asked for in every listing (the largest the APIs give, except ALB's
/// health, see [`ALB_HEALTH_PAGE`]).
pub const PAGE: u32 = 100;

/// ALB's `GetListenerHealthStatus` takes `MaxResults` 1–30.
pub const ALB_HEALTH_PAGE: u32 = 30;

impl Family {
    pub fn product(self) -> &'static Product {
        match self {
            Family::Alb => &ALB,
            Family::Nlb => &NLB,
        }
    }

    /// `ALB` / `NLB`, as messages name the product.
    pub fn label(self) -> &'static str {
        match self {
            Family::Alb => "ALB",
            Family::Nlb => "NLB",
        }
    }

    pub fn lb_product(self) -> LbProduct {
        match self {
            Family::Alb => LbProduct::Alb,
            Family::Nlb => LbProduct::Nlb,
        }
    }

    /// The most members one call of `action` may carry.
    pub fn members_per_call(self, action: actions::Change) -> usize {
        match (self, action) {
            (Family::Alb, actions::Change::SetWeight) => MAX_ALB_MEMBERS_PER_UPDATE,
            _ => MAX_MEMBERS_PER_CHANGE,
        }
    }

    /// The lowest backend port: NLB groups with any-port forwarding take port 0.
    pub fn lowest_port(self) -> u16 {
        match self {
            Family::Alb => 1,
            Family::Nlb => 0,
        }
    }
}
