//! Which proxy a request goes through, from the usual environment variables.
//!
//! The choice is made here rather than left to reqwest's automatic detection so that
//! `-v` can say exactly which proxy is used (or why none is): `HTTPS_PROXY` /
//! `https_proxy` for https endpoints, `HTTP_PROXY` / `http_proxy` for http ones, then
//! `ALL_PROXY` / `all_proxy`; `NO_PROXY` / `no_proxy` lists hosts that bypass it.

use std::net::IpAddr;

use reqwest::Url;

use crate::error::{Error, Result};

/// The proxy to use for `endpoint`, with the variable it came from; None for a direct
/// connection (no proxy set, or the host is in NO_PROXY).
pub fn for_endpoint(
    endpoint: &Url,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Option<(Url, &'static str)>> {
    let env = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    let candidates: &[&'static str] = if endpoint.scheme() == "https" {
        &["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"]
    } else {
        &["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"]
    };
    let Some((var, value)) = candidates.iter().find_map(|var| env(var).map(|v| (*var, v))) else {
        return Ok(None);
    };
    let no_proxy = env("NO_PROXY").or_else(|| env("no_proxy")).unwrap_or_default();
    if let Some(host) = endpoint.host_str() {
        if bypasses(&no_proxy, host) {
            crate::verbose!("proxy: none ({host} is in NO_PROXY)");
            return Ok(None);
        }
    }
    let with_scheme = if value.contains("://") { value.clone() } else { format!("http://{value}") };
    let url = Url::parse(&with_scheme)
        .map_err(|e| Error::config(format!("{var} is not a valid proxy URL ({e}): {}", redact(&value))))?;
    crate::verbose!("proxy: {} (from {var})", redacted(&url));
    Ok(Some((url, var)))
}

/// Whether `host` matches a NO_PROXY list: `*`, exact names or IPs, domain suffixes
/// (`example.com` and `.example.com` both cover `a.example.com`), and CIDR blocks.
pub fn bypasses(no_proxy: &str, host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
    let host_ip: Option<IpAddr> = host.parse().ok();
    no_proxy.split(',').map(str::trim).filter(|e| !e.is_empty()).any(|entry| {
        let entry = entry.to_ascii_lowercase();
        if entry == "*" {
            return true;
        }
        if let (Some(ip), Some((net, bits))) = (host_ip, entry.split_once('/')) {
            return match (net.parse::<IpAddr>(), bits.parse::<u32>()) {
                (Ok(net), Ok(bits)) => in_cidr(ip, net, bits),
                _ => false,
            };
        }
        let name = entry.trim_start_matches('.');
        host == name || host.ends_with(&format!(".{name}"))
    })
}

fn in_cidr(ip: IpAddr, net: IpAddr, bits: u32) -> bool {
    match (ip, net) {
        (IpAddr::V4(ip), IpAddr::V4(net)) if bits <= 32 => {
            let mask = if bits == 0 { 0 } else { u32::MAX << (32 - bits) };
            u32::from(ip) & mask == u32::from(net) & mask
        }
        (IpAddr::V6(ip), IpAddr::V6(net)) if bits <= 128 => {
            let mask = if bits == 0 { 0 } else { u128::MAX << (128 - bits) };
            u128::from(ip) & mask == u128::from(net) & mask
        }
        _ => false,
    }
}

/// A proxy URL for messages: any password replaced.
pub fn redacted(url: &Url) -> String {
    let mut shown = url.clone();
    if shown.password().is_some() {
        let _ = shown.set_password(Some("****"));
    }
    shown.to_string()
}

/// A proxy setting that did not parse, for messages: anything before `@` hidden.
fn redact(value: &str) -> String {
    match value.rsplit_once('@') {
        Some((_, host)) => format!("****@{host}"),
        None => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env_of(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k| map.get(k).cloned()
    }

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn https_proxy_for_https_and_http_proxy_for_http() {
        let env = env_of(&[("HTTPS_PROXY", "http://secure:3128"), ("http_proxy", "plain:8080")]);
        let (p, var) = for_endpoint(&url("https://slb.aliyuncs.com"), &env).unwrap().unwrap();
        assert_eq!((p.as_str(), var), ("http://secure:3128/", "HTTPS_PROXY"));
        let (p, var) = for_endpoint(&url("http://127.0.0.1:1"), &env).unwrap().unwrap();
        assert_eq!((p.as_str(), var), ("http://plain:8080/", "http_proxy"));
    }

    #[test]
    fn all_proxy_is_the_fallback_and_nothing_means_direct() {
        let env = env_of(&[("ALL_PROXY", "socks-less:1080")]);
        assert_eq!(for_endpoint(&url("https://x.com"), &env).unwrap().unwrap().1, "ALL_PROXY");
        assert!(for_endpoint(&url("https://x.com"), &env_of(&[])).unwrap().is_none());
    }

    #[test]
    fn no_proxy_matches_names_suffixes_ips_and_cidrs() {
        assert!(bypasses("*", "anything"));
        assert!(bypasses("aliyuncs.com", "slb.aliyuncs.com"));
        assert!(bypasses(".aliyuncs.com", "slb.aliyuncs.com"));
        assert!(bypasses("a.com, slb.aliyuncs.com", "slb.aliyuncs.com"));
        assert!(!bypasses("aliyuncs.com", "evilaliyuncs.com"));
        assert!(bypasses("127.0.0.1", "127.0.0.1"));
        assert!(bypasses("127.0.0.0/8", "127.1.2.3"));
        assert!(!bypasses("10.0.0.0/8", "127.1.2.3"));
        assert!(bypasses("::1", "[::1]"));
        assert!(bypasses("LOCALHOST", "localhost"));
        assert!(!bypasses("", "localhost"));
    }

    #[test]
    fn proxy_passwords_are_never_shown() {
        assert_eq!(redacted(&url("http://user:hunter2@proxy:3128")), "http://user:****@proxy:3128/");
        let env = env_of(&[("HTTPS_PROXY", "http://user:hunter2@pro xy:1")]);
        let err = for_endpoint(&url("https://x.com"), &env).unwrap_err().to_string();
        assert!(!err.contains("hunter2"), "{err}");
    }
}
