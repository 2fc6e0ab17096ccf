//! The one sanitizer for text that came from outside (API answers, file contents,
//! arguments) on its way to a terminal. A leaf: uses nothing else of the crate.
//!
//! One rule, [`is_unsafe`], decides which characters may never reach a terminal: C0/C1
//! controls (escape sequences), bidirectional overrides and isolates (U+202A–U+202E,
//! U+2066–U+2069) and the other invisible format characters (zero-width space and
//! joiners, word joiner, BOM, soft hyphen, tags). They can rewrite the screen or make
//! `i-web2` read as something else. [`sanitize`] is what every echoed value and every
//! excerpt of an answer goes through; [`quote`] renders a user-supplied value inside an
//! error message, escaped rather than blanked so that the user sees what was typed.

/// Whether `c` must not be written to a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{0600}'..='\u{0605}'
                | '\u{061C}'
                | '\u{06DD}'
                | '\u{070F}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0001}'
                | '\u{E0020}'..='\u{E007F}'
        )
}

/// `text` made safe to print: every unsafe character becomes a space, and the text is
/// cut to `max_chars` characters (with `…` when cut). `usize::MAX` keeps it whole.
pub fn sanitize(text: &str, max_chars: usize) -> String {
    let mut out: String = text.chars().take(max_chars).map(|c| if is_unsafe(c) { ' ' } else { c }).collect();
    if max_chars != usize::MAX && text.chars().nth(max_chars).is_some() {
        out.push('…');
    }
    out
}

/// Quote a user-supplied value for an error message: unsafe characters, quotes,
/// backslashes and non-ASCII characters are escaped (`\u{1b}`), and very long values
/// are shortened with their length. A hostile id must not be able to rewrite the screen.
pub fn quote(value: &str) -> String {
    const MAX_CHARS: usize = 64;
    let mut out = String::with_capacity(value.len().min(MAX_CHARS) + 2);
    out.push('"');
    for (count, c) in value.chars().enumerate() {
        if count == MAX_CHARS {
            out.push_str(&format!("…\" ({} characters)", value.chars().count()));
            return out;
        }
        if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
            out.push(c);
        } else {
            // Non-ASCII is escaped too (a superset of `is_unsafe`): look-alike letters
            // in an id are worth seeing as code points.
            out.extend(c.escape_default());
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn quote_escapes_control_quotes_and_non_ascii() {
        assert_eq!(quote("i-abc"), r#""i-abc""#);
        assert_eq!(quote("a b"), r#""a b""#);
        assert_eq!(quote("a\"b"), r#""a\"b""#);
        assert_eq!(quote("a\nb\0"), r#""a\nb\u{0}""#);
        assert_eq!(quote("\u{1b}[2J"), r#""\u{1b}[2J""#);
        assert_eq!(quote("é"), r#""\u{e9}""#);
        assert_eq!(quote("i-\u{202e}bew"), r#""i-\u{202e}bew""#);
    }

    #[test]
    fn quote_shortens_long_values_and_says_how_long() {
        let long = "x".repeat(10_000);
        let q = quote(&long);
        assert!(q.len() < 100, "{q}");
        assert!(q.ends_with("(10000 characters)"), "{q}");
    }

    #[test]
    fn sanitize_removes_control_characters_and_cuts() {
        assert_eq!(sanitize("a\u{1b}[31mb\r\n", 100), "a [31mb  ");
        assert_eq!(sanitize("abcdef", 3), "abc…");
        assert_eq!(sanitize("abcdef", usize::MAX), "abcdef");
    }

    #[test]
    fn sanitize_blanks_bidi_overrides_and_zero_width_characters() {
        assert_eq!(sanitize("i-\u{202e}2bew\u{202c}", 100), "i- 2bew ");
        assert_eq!(sanitize("a\u{200b}b\u{2066}c\u{2069}\u{feff}", 100), "a b c  ");
        assert_eq!(sanitize("web-1 日本", 100), "web-1 日本", "ordinary text is kept");
    }

    /// Characters drawn mostly from the dangerous ranges, plus anything at all.
    fn hostile_char() -> impl Strategy<Value = char> {
        prop_oneof![
            (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap_or(' ')),
            (0x7fu32..0xa0).prop_map(|c| char::from_u32(c).unwrap_or(' ')),
            (0x2000u32..0x2070).prop_map(|c| char::from_u32(c).unwrap_or(' ')),
            Just('\u{feff}'),
            any::<char>(),
        ]
    }

    proptest! {
        #[test]
        fn sanitized_text_never_holds_an_unsafe_character(
            chars in proptest::collection::vec(hostile_char(), 0..64),
            max in 0usize..80,
        ) {
            let text: String = chars.into_iter().collect();
            for out in [sanitize(&text, max), sanitize(&text, usize::MAX), quote(&text)] {
                prop_assert!(!out.chars().any(is_unsafe), "{:?}", out);
                let named = |c: char| {
                    c.is_control()
                        || ('\u{202a}'..='\u{202e}').contains(&c)
                        || ('\u{2066}'..='\u{2069}').contains(&c)
                        || ('\u{200b}'..='\u{200d}').contains(&c)
                };
                prop_assert!(!out.chars().any(named), "{:?}", out);
            }
        }
    }
}
