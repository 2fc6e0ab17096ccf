//! The commands: one file per command (`list`, `remove`, `add`, `set_weight`, `wait`,
//! `groups`, `configure`, `config`, `docs`), `standby/` for the three standby commands,
//! and `server_group/` for the backend commands on ALB and NLB server groups.
//!
//! `backend_group/` is the product-neutral model of a group of backends
//! (`BackendGroup`), with CLB's default and vServer groups (`backend_group::clb`) and
//! ALB/NLB server groups (`server_group::model`) as its implementations;
//! `group_address` is the one place that picks an implementation. Standby, `backends
//! wait`, `--wait-healthy` and the guards of a removal work through the model on every
//! product. The change commands keep one flow per product, each chosen once at the
//! command's start (`server_group::route`), because their reads and outputs differ by
//! contract: a CLB change reports the API's answer and may be sent without a read; an
//! ALB/NLB change reads the members first and reports jobs and the group.
//!
//! Plus what they share: choosing the servers (`selection`, `input`), resolving
//! settings and credentials into a client (`context`), CLB members read and named
//! (`members`), the batch runner (`batch`), the dry run (`dry_run`), the commands
//! printed for the user to run next (`rerun`), how backends are shown (`render`), the
//! CLB add/set-weight flow (`backends`) and polling until something is true (`poll`).
//! No two files of this folder use each other, directly or round a cycle (the
//! architecture test checks).
//!
//! The top layer: may use every module below it (`cli`, `credentials`, `config`,
//! `slb`, `api`, `output`, the leaves); nothing but `lib.rs` uses it.

pub(crate) mod add;
pub(crate) mod backend_group;
pub(crate) mod backends;
pub(crate) mod batch;
pub(crate) mod config;
pub(crate) mod configure;
pub(crate) mod context;
pub(crate) mod docs;
pub(crate) mod dry_run;
pub(crate) mod group_address;
pub(crate) mod groups;
pub(crate) mod input;
pub(crate) mod list;
pub(crate) mod members;
pub(crate) mod poll;
pub(crate) mod remove;
pub(crate) mod render;
pub(crate) mod rerun;
pub(crate) mod selection;
pub(crate) mod server_group;
pub(crate) mod set_weight;
pub(crate) mod standby;
pub(crate) mod wait;
