//! A string that must never be printed: access key secrets and STS tokens.
//!
//! Its `Debug` and `Display` print a fixed mask, so `{:?}` of any struct holding one is
//! safe by construction; the real value is only reachable through [`Secret::expose`],
//! which the signer calls and nothing that prints does.

use std::fmt;

#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The real value. Call it only to sign or to send, never to print.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

const MASK: &str = "********";

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

/// Mask an access key id to its first and last four characters (`LTAI****wxyz`), or
/// entirely when it is too short for that to hide anything.
pub fn mask_access_key_id(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() <= 12 {
        return MASK.to_owned();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}****{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_value() {
        let s = Secret::new("super-secret-value");
        assert_eq!(format!("{s:?}"), MASK);
        assert_eq!(format!("{s}"), MASK);
        #[derive(Debug)]
        #[allow(dead_code)]
        struct Holder {
            secret: Secret,
        }
        let shown = format!("{:?}", Holder { secret: s.clone() });
        assert!(!shown.contains("super-secret-value"), "{shown}");
        assert_eq!(s.expose(), "super-secret-value");
    }

    #[test]
    fn access_key_id_keeps_first_and_last_four() {
        assert_eq!(mask_access_key_id("LTAI5tAbCdEfGhIjWxyz"), "LTAI****Wxyz");
        assert_eq!(mask_access_key_id("short"), MASK);
        assert_eq!(mask_access_key_id("exactly12chr"), MASK);
    }
}
