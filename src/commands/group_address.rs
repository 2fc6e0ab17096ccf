//! Where a backend group is, and opening it as the backend-group model: the one place
//! that picks the model's implementation for a product (`backend_group::clb::ClbGroup`
//! for CLB's default and vServer groups, `server_group::model::ServerGroupAt` for ALB
//! and NLB server groups). [`Address`] is a recorded group (standby's records);
//! [`Named`] is a group as a command's flags name it, checked locally before anything
//! is read; [`Connections`] are the clients the groups are reached through.
//!
//! May use `backend_group`, `server_group`, `context` and the layers below `commands`.

use crate::api::client::Client;
use crate::cli::GlobalArgs;
use crate::commands::backend_group::{BackendGroup, Member, clb};
use crate::commands::input;
use crate::commands::server_group::{self, Site, model};
use crate::error::{Error, Result};
use crate::slb::server_groups::{Family, LbProduct};

/// Where a group is: the coordinates that differ by product.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// A CLB load balancer's default group (`vserver_group` None) or a vServer group.
    Clb { load_balancer_id: String, vserver_group_id: Option<String> },
    /// An ALB/NLB server group, and the load balancers that use it (for health).
    ServerGroup { family: Family, server_group_id: String, load_balancer_ids: Vec<String> },
}

/// The connections a group is reached through: CLB's client, and a site for each
/// ALB/NLB family in use.
pub struct Connections<'a> {
    pub global: &'a GlobalArgs,
    pub region: String,
    pub clb: Option<Client>,
    pub sites: Vec<Site<'a>>,
}

impl Connections<'_> {
    /// The site of an ALB/NLB family.
    pub fn site(&self, family: Family) -> Result<&Site<'_>> {
        self.sites.iter().find(|s| s.family == family).ok_or_else(|| {
            Error::Other(anyhow::anyhow!("no {} client for a {} group", family.label(), family.label()))
        })
    }
}

/// A CLB group reached through the CLB client.
fn clb_group<'c>(
    connections: &'c Connections<'_>,
    lb: &str,
    vserver_group: Option<&str>,
) -> Result<clb::ClbGroup<'c>> {
    let client = connections
        .clb
        .as_ref()
        .ok_or_else(|| Error::Other(anyhow::anyhow!("no CLB client for a CLB group")))?;
    Ok(clb::ClbGroup::new(connections.global, client, &connections.region, lb, vserver_group))
}

/// The group at `address`, as the model (the one place that picks an implementation).
pub fn open<'c>(connections: &'c Connections<'_>, address: &Address) -> Result<Box<dyn BackendGroup + 'c>> {
    match address {
        Address::Clb { load_balancer_id, vserver_group_id } => {
            Ok(Box::new(clb_group(connections, load_balancer_id, vserver_group_id.as_deref())?))
        }
        Address::ServerGroup { family, server_group_id, load_balancer_ids } => {
            let site = connections.site(*family)?;
            Ok(Box::new(model::ServerGroupAt::new(site, server_group_id, load_balancer_ids)))
        }
    }
}

/// A group as a command names it (`--lb`, `--product`, `--vserver-group`,
/// `--server-group`), checked locally: nothing is read or sent to make one. It parses
/// the members named for that product, connects, and finds the group (an ALB/NLB
/// group may have to be found from the load balancer's listeners).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    Clb { load_balancer_id: String, vserver_group_id: Option<String> },
    ServerGroup { family: Family, load_balancer_id: Option<String>, server_group_id: Option<String> },
}

impl Named {
    /// From the flags; the product from the `--lb` prefix or `--product` (a
    /// contradiction, or a flag of another product, is exit 2).
    pub fn from_flags(
        lb: Option<&str>,
        product: Option<LbProduct>,
        vserver_group: Option<&str>,
        server_group: Option<&str>,
    ) -> Result<Named> {
        let product = server_group::product_of_group_flags(lb, product, vserver_group)?;
        for id in [vserver_group, server_group].into_iter().flatten() {
            crate::slb::ids::validate_id("group id", id)?;
        }
        Ok(match product.family() {
            Some(family) => Named::ServerGroup {
                family,
                load_balancer_id: lb.map(str::to_owned),
                server_group_id: server_group.map(str::to_owned),
            },
            // For CLB (whose --lb is checked present above), --server-group is another
            // name of --vserver-group.
            None => Named::Clb {
                load_balancer_id: lb.unwrap_or_default().to_owned(),
                vserver_group_id: vserver_group.or(server_group).map(str::to_owned),
            },
        })
    }

    /// The members `texts` name, each with its text, checked as this product takes
    /// them (a bare ID: every port of it). Duplicates are used once, with a warning.
    pub fn parse_members(&self, texts: &[String]) -> Result<Vec<(String, Member)>> {
        let parsed = match self {
            Named::Clb { vserver_group_id, .. } => clb::parse_members(texts, vserver_group_id.is_some())?,
            Named::ServerGroup { family, .. } => model::parse_members(texts, *family)?,
        };
        Ok(input::once_each(parsed, Member::key))
    }

    /// Settings, credentials and a client for this product.
    pub fn connect<'a>(&self, global: &'a GlobalArgs) -> Result<Connections<'a>> {
        match self {
            Named::Clb { .. } => {
                let context = crate::commands::context::Context::resolve(global)?;
                let client = context.client(global)?;
                Ok(Connections {
                    global,
                    region: context.region.value.clone(),
                    clb: Some(client),
                    sites: Vec::new(),
                })
            }
            Named::ServerGroup { family, load_balancer_id, .. } => {
                let site = Site::open(global, *family, load_balancer_id.as_deref())?;
                Ok(Connections { global, region: site.region.clone(), clb: None, sites: vec![site] })
            }
        }
    }

    /// The load balancer named, if any.
    pub fn load_balancer_id(&self) -> Option<&str> {
        match self {
            Named::Clb { load_balancer_id, .. } => Some(load_balancer_id),
            Named::ServerGroup { load_balancer_id, .. } => load_balancer_id.as_deref(),
        }
    }

    /// The group, as the model: a CLB group as named; an ALB/NLB group as
    /// `resolve_group` finds and checks it (reads). `listener` is CLB's `--listener`
    /// (health as that listener alone reports it; checked to exist); ALB/NLB health
    /// always comes from every listener that forwards to the group.
    pub fn open<'c>(
        &self,
        connections: &'c Connections<'_>,
        listener: Option<(u16, Option<String>)>,
    ) -> Result<Box<dyn BackendGroup + 'c>> {
        match self {
            Named::Clb { load_balancer_id, vserver_group_id } => {
                let group = clb_group(connections, load_balancer_id, vserver_group_id.as_deref())?;
                Ok(Box::new(match listener {
                    Some(listener) => group.on_listener(listener)?,
                    None => group,
                }))
            }
            Named::ServerGroup { family, load_balancer_id, server_group_id } => {
                let site = connections.site(*family)?;
                let group = server_group::resolve_group(site, server_group_id.as_deref())?;
                let lbs: Vec<String> = load_balancer_id.iter().cloned().collect();
                Ok(Box::new(model::ServerGroupAt::known(site, group, &lbs)))
            }
        }
    }
}
