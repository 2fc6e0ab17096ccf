//! The commands: one file per command (`list`, `remove`, `add`, `set_weight`, `groups`,
//! `configure`, `config`, `docs`; `standby/` for the three standby commands), plus what they share: choosing the servers
//! (`selection`, `input`), resolving settings and credentials into a client
//! (`context`), the batch runner (`batch`), the dry run (`dry_run`), the commands printed
//! for the user to run next (`rerun`), how backends are shown (`render`) and waits on
//! the load balancer's state (`wait`, also the `backends wait` command).
//!
//! The top layer: may use every module below it (`cli`, `credentials`, `config`,
//! `slb`, `api`, `output`, the leaves); nothing but `lib.rs` uses it.

pub(crate) mod add;
pub(crate) mod backends;
pub(crate) mod batch;
pub(crate) mod config;
pub(crate) mod configure;
pub(crate) mod context;
pub(crate) mod docs;
pub(crate) mod dry_run;
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
