//! The members of an ALB/NLB server group as given on the command line, checked
//! locally: `ID`, `ID:PORT`, `ID:PORT@IP`, an IPv4 address (`10.0.0.5:80`), an IPv6
//! address in brackets (`[2001:db8::1]:80`), or a Function Compute ARN (`acs:fc:…`,
//! ALB only, never split at `:`). The member type follows from the form, unless
//! `--type` says otherwise.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::Serialize;

use super::Family;
use crate::error::{Error, Result};
use crate::slb::ids::validate_id;
use crate::text::quote;

/// The `ServerType` of a server-group member, spelled as the API spells it (PascalCase).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
pub enum MemberType {
    /// An ECS instance (`i-…`).
    Ecs,
    /// An elastic network interface (`eni-…`).
    Eni,
    /// An elastic container instance (`eci-…`).
    Eci,
    /// An IP address (ALB/NLB `Ip` server groups).
    Ip,
    /// A Function Compute function, by its ARN (ALB `Fc` server groups).
    Fc,
}

impl MemberType {
    /// The API's spelling: `Ecs`, `Eni`, `Eci`, `Ip`, `Fc`.
    pub fn api_name(self) -> &'static str {
        match self {
            MemberType::Ecs => "Ecs",
            MemberType::Eni => "Eni",
            MemberType::Eci => "Eci",
            MemberType::Ip => "Ip",
            MemberType::Fc => "Fc",
        }
    }

    /// The type an answer names, compared without regard to case (the models spell it
    /// PascalCase; Alibaba's own controller reads it case-insensitively).
    pub fn from_api(name: &str) -> Option<MemberType> {
        [MemberType::Ecs, MemberType::Eni, MemberType::Eci, MemberType::Ip, MemberType::Fc]
            .into_iter()
            .find(|t| t.api_name().eq_ignore_ascii_case(name))
    }

    /// Whether a group of `group_type` (`Instance`, `Ip`, `Fc`) can hold this type.
    pub fn fits(self, group_type: &str) -> bool {
        match self {
            MemberType::Ecs | MemberType::Eni | MemberType::Eci => {
                group_type.eq_ignore_ascii_case("Instance")
            }
            MemberType::Ip => group_type.eq_ignore_ascii_case("Ip"),
            MemberType::Fc => group_type.eq_ignore_ascii_case("Fc"),
        }
    }
}

/// A member as given: its id (an instance id, an address, or an ARN), type, port and
/// (for an ENI) address. A missing port means every port of it in the group (remove,
/// set-weight), or is an error where one is needed (add).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MemberSpec {
    pub server_id: String,
    pub server_type: MemberType,
    pub port: Option<u16>,
    pub server_ip: Option<String>,
}

impl MemberSpec {
    /// Whether a group member (id, port, address) is one this spec names.
    pub fn covers(&self, server_id: &str, port: u16, server_ip: Option<&str>) -> bool {
        self.server_id == server_id
            && self.port.is_none_or(|p| p == port)
            && self.server_ip.as_deref().is_none_or(|ip| Some(ip) == server_ip)
    }
}

/// The longest function ARN accepted; real ones are well under it.
const MAX_ARN_LEN: usize = 512;

/// Parse one member of an ALB or NLB group; `explicit` is `--type`. Everything is
/// checked here, before anything is read or sent.
pub fn parse(text: &str, family: Family, explicit: Option<MemberType>) -> Result<MemberSpec> {
    let bad = |why: &str| Error::usage(format!("server {} {why}", quote(text)));
    if text.starts_with("acs:") || explicit == Some(MemberType::Fc) {
        return parse_arn(text, family, explicit);
    }
    let (left, server_ip) = match text.rsplit_once('@') {
        Some((left, ip)) => {
            let ip: IpAddr =
                ip.parse().map_err(|_| bad("has an address after @ that is not an IP address"))?;
            (left, Some(ip.to_string()))
        }
        None => (text, None),
    };
    let (server_id, port, inferred) = if let Some(rest) = left.strip_prefix('[') {
        // `[IPv6]` or `[IPv6]:PORT`.
        let (address, after) = rest
            .split_once(']')
            .ok_or_else(|| bad("opens '[' without a closing ']' (expected [IPv6]:PORT)"))?;
        let address: Ipv6Addr =
            address.parse().map_err(|_| bad("has brackets around something that is not an IPv6 address"))?;
        let port = match after {
            "" => None,
            _ => Some(
                after.strip_prefix(':').ok_or_else(|| bad("has something after ']' that is not :PORT"))?,
            ),
        };
        (address.to_string(), port, Some(MemberType::Ip))
    } else {
        let (id, port) = match left.split_once(':') {
            Some((id, port)) => (id, Some(port)),
            None => (left, None),
        };
        if id.is_empty() {
            return Err(bad("has a port but no server id (expected ID:PORT)"));
        }
        if id.contains(':') || port.is_some_and(|p| p.contains(':')) {
            return Err(bad("has more than one ':' (an IPv6 address goes in brackets: [ADDR]:PORT)"));
        }
        if let Ok(v4) = id.parse::<Ipv4Addr>() {
            (v4.to_string(), port, Some(MemberType::Ip))
        } else {
            validate_id("server id", id)?;
            (id.to_owned(), port, None)
        }
    };
    let port = match port {
        None => None,
        Some("") => return Err(bad("ends with ':' but has no port (expected ID:PORT)")),
        Some(p) => Some(parse_port(p, family).map_err(|why| bad(&why))?),
    };
    if server_ip.is_some() && port.is_none() {
        return Err(bad("has an address but no port (expected ID:PORT@IP)"));
    }
    let server_type = explicit.or(inferred).unwrap_or_else(|| infer(&server_id));
    if server_type == MemberType::Ip && inferred != Some(MemberType::Ip) {
        return Err(bad("is not an IP address, but --type ip says it is one"));
    }
    if inferred == Some(MemberType::Ip) && server_type != MemberType::Ip {
        return Err(bad(&format!("is an IP address, but --type says {}", server_type.api_name())));
    }
    Ok(MemberSpec { server_id, server_type, port, server_ip })
}

/// A backend port of this product: 1–65535 on ALB, 0–65535 on NLB.
pub fn parse_port(text: &str, family: Family) -> std::result::Result<u16, String> {
    let lowest = family.lowest_port();
    let port: u32 = text.parse().map_err(|_| "has a port that is not a number".to_owned())?;
    u16::try_from(port)
        .ok()
        .filter(|p| *p >= lowest)
        .ok_or_else(|| format!("has a port outside {lowest}-65535 (the {} range)", family.label()))
}

/// A Function Compute ARN: one member with no port, never split at `:`.
fn parse_arn(text: &str, family: Family, explicit: Option<MemberType>) -> Result<MemberSpec> {
    let bad = |why: &str| Error::usage(format!("server {} {why}", quote(text)));
    if family != Family::Alb {
        return Err(bad("is a function ARN, and only ALB server groups hold functions"));
    }
    if explicit.is_some_and(|t| t != MemberType::Fc) {
        return Err(bad("is a function ARN, but --type says otherwise"));
    }
    if !text.starts_with("acs:") {
        return Err(bad("is not a function ARN (acs:fc:REGION:ACCOUNT:…), but --type fc says it is one"));
    }
    if text.len() > MAX_ARN_LEN {
        return Err(bad(&format!("is too long for a function ARN: at most {MAX_ARN_LEN} characters")));
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, ':' | '/' | '-' | '_' | '.' | '$' | '*');
    if let Some(c) = text.chars().find(|c| !allowed(*c)) {
        return Err(bad(&format!(
            "contains {}, which no function ARN has: only ASCII letters, digits and : / - _ . $ *",
            if c == ' ' { "a space".to_owned() } else { format!("{:?}", c) }
        )));
    }
    Ok(MemberSpec { server_id: text.to_owned(), server_type: MemberType::Fc, port: None, server_ip: None })
}

/// The type an instance id's prefix implies: `eni-`, `eci-`, else an ECS instance.
fn infer(server_id: &str) -> MemberType {
    if server_id.starts_with("eni-") {
        MemberType::Eni
    } else if server_id.starts_with("eci-") {
        MemberType::Eci
    } else {
        MemberType::Ecs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(text: &str, family: Family) -> Result<(String, MemberType, Option<u16>, Option<String>)> {
        parse(text, family, None).map(|s| (s.server_id, s.server_type, s.port, s.server_ip))
    }

    #[test]
    fn every_form_and_its_type() {
        use MemberType::*;
        assert_eq!(spec("i-a", Family::Alb).unwrap(), ("i-a".into(), Ecs, None, None));
        assert_eq!(spec("i-a:443", Family::Alb).unwrap(), ("i-a".into(), Ecs, Some(443), None));
        assert_eq!(
            spec("eni-x:80@10.0.0.5", Family::Nlb).unwrap(),
            ("eni-x".into(), Eni, Some(80), Some("10.0.0.5".into()))
        );
        assert_eq!(spec("eci-c:8080", Family::Nlb).unwrap(), ("eci-c".into(), Eci, Some(8080), None));
        assert_eq!(spec("10.0.0.7:80", Family::Alb).unwrap(), ("10.0.0.7".into(), Ip, Some(80), None));
        assert_eq!(spec("10.0.0.7", Family::Alb).unwrap(), ("10.0.0.7".into(), Ip, None, None));
        assert_eq!(
            spec("[2001:db8::1]:80", Family::Nlb).unwrap(),
            ("2001:db8::1".into(), Ip, Some(80), None)
        );
        assert_eq!(spec("[2001:DB8:0::1]", Family::Nlb).unwrap(), ("2001:db8::1".into(), Ip, None, None));
        assert_eq!(spec("i-a:0", Family::Nlb).unwrap(), ("i-a".into(), Ecs, Some(0), None));
        let arn = "acs:fc:cn-hangzhou:1234567890:services/web.LATEST/functions/api";
        assert_eq!(spec(arn, Family::Alb).unwrap(), (arn.into(), Fc, None, None));
    }

    #[test]
    fn mistakes_are_usage_errors() {
        for (bad, family, says) in [
            ("i-a:0", Family::Alb, "outside 1-65535"),
            ("i-a:65536", Family::Nlb, "outside 0-65535"),
            ("i-a:", Family::Alb, "has no port"),
            ("2001:db8::1", Family::Alb, "in brackets"),
            ("[2001:db8::1", Family::Alb, "closing ']'"),
            ("[10.0.0.1]:80", Family::Alb, "not an IPv6"),
            ("[2001:db8::1]x", Family::Alb, "not :PORT"),
            ("acs:fc:cn-hangzhou:1:functions/f", Family::Nlb, "only ALB"),
            ("acs:fc:cn hangzhou", Family::Alb, "a space"),
            ("i-\"a", Family::Alb, "no id has"),
            ("eni-x@10.0.0.5", Family::Alb, "no port"),
        ] {
            let err = parse(bad, family, None).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad}");
            assert!(err.to_string().contains(says), "{bad}: {err}");
        }
        assert!(parse("i-a:80", Family::Alb, Some(MemberType::Ip)).is_err());
        assert!(parse("10.0.0.1:80", Family::Alb, Some(MemberType::Ecs)).is_err());
        assert!(parse("i-a", Family::Alb, Some(MemberType::Fc)).is_err());
        assert_eq!(parse("i-a:80", Family::Alb, Some(MemberType::Eci)).unwrap().server_type, MemberType::Eci);
    }

    #[test]
    fn types_fit_their_groups() {
        assert!(MemberType::Ecs.fits("Instance"));
        assert!(!MemberType::Ecs.fits("Ip"));
        assert!(MemberType::Ip.fits("Ip"));
        assert!(MemberType::Fc.fits("Fc"));
        assert_eq!(MemberType::from_api("ecs"), Some(MemberType::Ecs));
    }
}
