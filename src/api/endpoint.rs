//! Which URL to send to: an explicit endpoint, or one derived from a product's code and
//! the region, and the rule that plain HTTP never leaves this machine.

use std::net::IpAddr;

use reqwest::Url;

use super::Product;
use crate::error::{Error, Result};
use crate::text::quote;

/// Check a region id's shape: it becomes part of a host name, so only lowercase
/// letters, digits and `-` are allowed.
pub fn validate_region(region: &str) -> Result<()> {
    let ok = !region.is_empty()
        && region.len() <= 64
        && region.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !region.starts_with('-')
        && !region.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "region {} is not a region id (expected something like cn-hangzhou)",
            quote(region)
        )))
    }
}

/// Which network the API is reached over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EndpointType {
    /// The public endpoint.
    #[default]
    Public,
    /// The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com).
    Vpc,
}

/// The endpoint of `product` for a region when none is configured: the central one
/// for the product's central regions, else the regional one; `-vpc` inside a VPC.
pub fn for_region(product: &Product, region: &str, endpoint_type: EndpointType) -> String {
    let code = product.code;
    match endpoint_type {
        EndpointType::Vpc => format!("https://{code}-vpc.{region}.aliyuncs.com"),
        EndpointType::Public if product.central_regions.contains(&region) => {
            format!("https://{code}.aliyuncs.com")
        }
        EndpointType::Public => format!("https://{code}.{region}.aliyuncs.com"),
    }
}

/// Parse and check an endpoint. A bare host name means HTTPS. The URL must be a plain
/// origin (no credentials, query or fragment; the path may only be `/`), and `http://`
/// is allowed only to loopback, since the request carries a signature and may carry an
/// STS token.
pub fn parse(endpoint: &str) -> Result<Url> {
    let with_scheme =
        if endpoint.contains("://") { endpoint.to_owned() } else { format!("https://{endpoint}") };
    let bad = |why: &str| Error::usage(format!("endpoint {} {why}", quote(endpoint)));
    let url = Url::parse(&with_scheme).map_err(|e| bad(&format!("is not a valid URL: {e}")))?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(bad("uses plain http to a host that is not loopback")
                .with_hint("use https://; plain http is allowed only to 127.0.0.0/8, ::1 and localhost"));
        }
        _ => return Err(bad("must start with https://")),
    }
    if url.host().is_none() {
        return Err(bad("has no host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad("must not contain credentials"));
    }
    if url.query().is_some() || url.fragment().is_some() || url.path() != "/" {
        return Err(bad("must be just scheme, host and port (no path, query or fragment)"));
    }
    Ok(url)
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_host_means_https() {
        assert_eq!(parse("slb.aliyuncs.com").unwrap().as_str(), "https://slb.aliyuncs.com/");
    }

    #[test]
    fn plain_http_only_to_loopback() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://127.1.2.3",
            "http://[::1]:9",
            "http://localhost:1",
            "http://LOCALHOST",
        ] {
            parse(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
        for bad in
            ["http://slb.aliyuncs.com", "http://10.0.0.1", "http://[::2]", "http://127.0.0.1.example.com"]
        {
            assert_eq!(parse(bad).unwrap_err().exit_code(), 2, "{bad}");
        }
    }

    #[test]
    fn refuses_odd_urls() {
        for bad in [
            "ftp://slb.aliyuncs.com",
            "https://user:pw@slb.aliyuncs.com",
            "https://slb.aliyuncs.com/path",
            "https://slb.aliyuncs.com/?a=b",
            "https://",
            "https://exa mple.com",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn region_ids_are_checked() {
        validate_region("cn-hangzhou").unwrap();
        validate_region("ap-southeast-1").unwrap();
        for bad in ["", "CN-hangzhou", "cn hangzhou", "cn-hangzhou.evil.com", "-cn", "cn/x"] {
            assert!(validate_region(bad).is_err(), "{bad}");
        }
    }
}
