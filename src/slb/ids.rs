//! Local checks of load balancer and server ids, and the backend type an id implies.
//!
//! Everything here runs before any network call: a bad id is refused with the value
//! quoted safely, so a typo or a hostile string never reaches the API.

use crate::error::{Error, Result};
use crate::text::quote;
use serde::Serialize;

/// The most ids one `RemoveBackendServers` call accepts (an API limit).
pub const MAX_SERVERS_PER_CALL: usize = 20;

/// Longest id accepted. Real ids are ~22 characters; this only stops absurd input.
pub const MAX_ID_LEN: usize = 128;

/// Which kind of backend a server id names (the API's `Type` field).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ServerType {
    /// An ECS instance (`i-…`).
    Ecs,
    /// An elastic network interface (`eni-…`).
    Eni,
    /// An elastic container instance (`eci-…`).
    Eci,
}

impl ServerType {
    /// The API's name of the type.
    pub fn name(self) -> &'static str {
        match self {
            ServerType::Ecs => "ecs",
            ServerType::Eni => "eni",
            ServerType::Eci => "eci",
        }
    }

    /// The type the API names (`ecs`, `eni`, `eci`); None for a name it does not know.
    pub fn from_api(name: &str) -> Option<ServerType> {
        match name {
            "ecs" => Some(ServerType::Ecs),
            "eni" => Some(ServerType::Eni),
            "eci" => Some(ServerType::Eci),
            _ => None,
        }
    }

    /// The type an id's prefix implies: `eni-` and `eci-`, else an ECS instance.
    pub fn infer(server_id: &str) -> ServerType {
        if server_id.starts_with("eni-") {
            ServerType::Eni
        } else if server_id.starts_with("eci-") {
            ServerType::Eci
        } else {
            ServerType::Ecs
        }
    }
}

/// Check that `value` is a plausible id: 1 to 128 ASCII letters, digits, `-`, `_`, `.`.
/// `what` names the value in the error ("load balancer id", "server id").
pub fn validate_id(what: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::usage(format!("{what} is empty")));
    }
    if value.len() > MAX_ID_LEN {
        return Err(Error::usage(format!(
            "{what} {} is too long: at most {MAX_ID_LEN} characters",
            quote(value)
        )));
    }
    if let Some(bad) = value.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))) {
        return Err(Error::usage(format!(
            "{what} {} contains {}, which no id has: only ASCII letters, digits, '-', '_' and '.' are allowed",
            quote(value),
            describe_char(bad)
        )));
    }
    Ok(())
}

/// A member as given on the command line: `ID`, `ID:PORT`, or `ID:PORT@IP` (an ENI
/// with several addresses in a vServer group).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MemberSpec {
    pub server_id: String,
    pub port: Option<u16>,
    pub server_ip: Option<String>,
}

impl MemberSpec {
    /// Whether the spec names one member completely: a port, and an address for an
    /// ENI whose address is known to matter (given) — a bare ID means every port.
    pub fn has_port(&self) -> bool {
        self.port.is_some()
    }

    /// Whether `member` (a group member's id, port and address) is one this spec names.
    pub fn covers(&self, server_id: &str, port: Option<u16>, server_ip: Option<&str>) -> bool {
        self.server_id == server_id
            && self.port.is_none_or(|p| Some(p) == port)
            && self.server_ip.as_deref().is_none_or(|ip| Some(ip) == server_ip)
    }
}

/// Parse `ID`, `ID:PORT` or `ID:PORT@IP`; the id is checked as [`validate_id`] does,
/// the port is 1–65535, the address an IPv4 or IPv6 address.
pub fn parse_member(text: &str) -> Result<MemberSpec> {
    let bad = |why: &str| Error::usage(format!("server {} {why}", quote(text)));
    let (left, server_ip) = match text.split_once('@') {
        Some((left, ip)) => {
            let ip: std::net::IpAddr =
                ip.parse().map_err(|_| bad("has an address after @ that is not an IP address"))?;
            (left, Some(ip.to_string()))
        }
        None => (text, None),
    };
    // The id's own characters first: a hostile value is named for what it holds.
    let id_part = left.split_once(':').map_or(left, |(id, _)| id);
    if !id_part.is_empty() {
        validate_id("server id", id_part)?;
    }
    let (server_id, port) = match left.split_once(':') {
        Some((id, port)) => {
            if id.is_empty() {
                return Err(bad("has a port but no server id (expected ID:PORT)"));
            }
            if port.is_empty() {
                return Err(bad("ends with ':' but has no port (expected ID:PORT)"));
            }
            if port.contains(':') {
                return Err(bad("has more than one ':' (expected ID:PORT)"));
            }
            let port: u32 = port.parse().map_err(|_| bad("has a port that is not a number"))?;
            let port = u16::try_from(port)
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| bad("has a port outside 1-65535"))?;
            (id, Some(port))
        }
        None => (left, None),
    };
    if server_ip.is_some() && port.is_none() {
        return Err(bad("has an address but no port (expected ID:PORT@IP)"));
    }
    validate_id("server id", server_id)?;
    Ok(MemberSpec { server_id: server_id.to_owned(), port, server_ip })
}

fn describe_char(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        c if c.is_ascii_graphic() => format!("'{c}'"),
        c => format!("the character {}", c.escape_default()),
    }
}

/// The ids of one command: validated, duplicates collapsed (first occurrence kept,
/// order otherwise preserved), and within the per-call limit unless `batches_allowed`.
/// Returns the ids and the duplicates that were dropped, so the caller can warn.
pub fn prepare_server_ids(ids: &[String], batches_allowed: bool) -> Result<(Vec<String>, Vec<String>)> {
    if ids.is_empty() {
        return Err(Error::usage("no server ids given"));
    }
    for id in ids {
        parse_member(id)?;
    }
    let mut seen = std::collections::HashSet::with_capacity(ids.len());
    let mut unique: Vec<String> = Vec::with_capacity(ids.len());
    let mut duplicates = Vec::new();
    for id in ids {
        if seen.insert(id.as_str()) {
            unique.push(id.clone());
        } else {
            duplicates.push(id.clone());
        }
    }
    if unique.len() > MAX_SERVERS_PER_CALL && !batches_allowed {
        return Err(Error::usage(format!(
            "{} servers given, but one call takes at most {MAX_SERVERS_PER_CALL}",
            unique.len()
        ))
        .with_hint("pass --batch to send them as consecutive calls of at most 20"));
    }
    Ok((unique, duplicates))
}

/// Split into calls of at most [`MAX_SERVERS_PER_CALL`], in order, with no empty call.
pub fn batches<T>(items: &[T]) -> std::slice::Chunks<'_, T> {
    items.chunks(MAX_SERVERS_PER_CALL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_specs_and_their_mistakes() {
        let spec = |t: &str| parse_member(t).map(|s| (s.server_id, s.port, s.server_ip));
        assert_eq!(spec("i-a").unwrap(), ("i-a".into(), None, None));
        assert_eq!(spec("i-a:8080").unwrap(), ("i-a".into(), Some(8080), None));
        assert_eq!(spec("eni-x:80@10.0.0.5").unwrap(), ("eni-x".into(), Some(80), Some("10.0.0.5".into())));
        for (bad, says) in [
            ("i-a:0", "outside 1-65535"),
            ("i-a:70000", "outside 1-65535"),
            ("i-a:", "has no port"),
            (":80", "no server id"),
            ("i-a:80:90", "more than one ':'"),
            ("i-a:http", "not a number"),
            ("eni-x@10.0.0.5", "no port"),
            ("eni-x:80@10.0.0", "not an IP address"),
        ] {
            let err = spec(bad).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad}");
            assert!(err.to_string().contains(says), "{bad}: {err}");
        }
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn infers_type_from_prefix() {
        assert_eq!(ServerType::infer("i-bp1abc"), ServerType::Ecs);
        assert_eq!(ServerType::infer("eni-bp1abc"), ServerType::Eni);
        assert_eq!(ServerType::infer("eci-bp1abc"), ServerType::Eci);
        assert_eq!(ServerType::infer("enix"), ServerType::Ecs);
        assert_eq!(ServerType::infer("ECI-upper"), ServerType::Ecs);
    }

    #[test]
    fn accepts_real_looking_ids() {
        for id in ["i-bp1a2b3c4d5e6f7g8h9i", "lb-bp1o94dp5i6earr9g6d1z", "eni_x.y-1"] {
            validate_id("id", id).unwrap();
        }
        validate_id("id", &"a".repeat(MAX_ID_LEN)).unwrap();
    }

    #[test]
    fn rejects_hostile_ids_with_usage_errors() {
        let long = "a".repeat(MAX_ID_LEN + 1);
        for bad in [
            "",
            "i a",
            "i-\"a",
            "i-a,i-b",
            "i-a\n",
            "i-\0",
            "i-é",
            "i-a\",\"ServerId\":\"i-b",
            "i-a'",
            "../x",
            long.as_str(),
        ] {
            let err = validate_id("server id", bad).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}");
            let msg = err.to_string();
            assert!(!msg.contains('\n') && !msg.contains('\0'), "{msg:?}");
        }
    }

    #[test]
    fn collapses_duplicates_before_counting() {
        let mut list = ids(&["i-a", "i-b", "i-a"]);
        let (unique, dups) = prepare_server_ids(&list, false).unwrap();
        assert_eq!(unique, ids(&["i-a", "i-b"]));
        assert_eq!(dups, ids(&["i-a"]));

        list = (0..20).map(|n| format!("i-{n}")).collect();
        list.push("i-0".into());
        assert_eq!(prepare_server_ids(&list, false).unwrap().0.len(), 20);
    }

    #[test]
    fn refuses_more_than_twenty_distinct_servers() {
        let list: Vec<String> = (0..21).map(|n| format!("i-{n}")).collect();
        let err = prepare_server_ids(&list, false).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("21 servers"), "{err}");
        assert!(err.hint().unwrap().contains("--batch"));
        assert_eq!(prepare_server_ids(&list, true).unwrap().0.len(), 21);
    }

    #[test]
    fn batches_have_at_most_twenty_and_none_is_empty() {
        let sizes = |n: usize| batches(&vec![0; n]).map(|b| b.len()).collect::<Vec<_>>();
        assert_eq!(sizes(45), [20, 20, 5]);
        assert_eq!(sizes(40), [20, 20]);
        assert_eq!(sizes(20), [20]);
        assert_eq!(sizes(1), [1]);
        assert!(sizes(0).is_empty());
    }
}
