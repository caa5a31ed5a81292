//! The signed payload as it is printed: `SDR1.` followed by `.`-separated base64url segments.
//! [`find_payload`] finds it back in the bytes of a certificate PDF, where it is stored as plain
//! ASCII in the document metadata.

/// Every payload starts with this.
pub(crate) const PAYLOAD_PREFIX: &str = super::signing::PREFIX;
/// The longest payload body (after the prefix) that is accepted.
pub(crate) const MAX_PAYLOAD_BODY: usize = 4096;

/// Whether `s` is a well-formed payload: `SDR1.` followed by non-empty `.`-separated runs of
/// base64url characters (`[A-Za-z0-9_-]`), at most [`MAX_PAYLOAD_BODY`] characters after the
/// prefix.
pub(crate) fn is_payload(s: &str) -> bool {
    let Some(body) = s.strip_prefix(PAYLOAD_PREFIX) else {
        return false;
    };
    !body.is_empty()
        && body.len() <= MAX_PAYLOAD_BODY
        && body.split('.').all(|segment| {
            !segment.is_empty()
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        })
}

/// Finds the signed payload stored in a certificate PDF.
///
/// Returns the first well-formed `SDR1.` token (see [`is_payload`]) with white space, a PDF
/// delimiter or a quote (or the start of the input) right before it and right after it. A token
/// that runs to the end of the input counts as truncated. Any input is accepted; nothing is
/// parsed as PDF.
pub fn find_payload(pdf: &[u8]) -> Option<String> {
    let prefix = PAYLOAD_PREFIX.as_bytes();
    let mut from = 0;
    while from < pdf.len() {
        let found = pdf[from..]
            .windows(prefix.len())
            .position(|window| window == prefix)?;
        let start = from + found;
        if start > 0 && !is_delimiter(pdf[start - 1]) {
            from = start + 1;
            continue;
        }
        let len = pdf[start..].iter().position(|&b| !is_token_byte(b))?;
        let end = start + len;
        if is_delimiter(pdf[end])
            && let Ok(token) = std::str::from_utf8(&pdf[start..end])
            && is_payload(token)
        {
            return Some(token.to_string());
        }
        from = end;
    }
    None
}

/// Finds an organizer's endorsement (`SDREND1.…`) stored in a certificate PDF's metadata:
/// the first run of token characters after the prefix. Whether it is one, and whom it
/// endorses, is for `exchange::programme::Endorsement` to say.
pub fn find_endorsement(pdf: &[u8]) -> Option<String> {
    let prefix = crate::exchange::programme::ENDORSEMENT_PREFIX.as_bytes();
    let start = pdf.windows(prefix.len()).position(|w| w == prefix)?;
    let len = pdf[start..]
        .iter()
        .take(crate::exchange::programme::MAX_ENDORSEMENT_CHARS + 1)
        .position(|&b| !is_token_byte(b))?;
    std::str::from_utf8(&pdf[start..start + len])
        .ok()
        .map(str::to_string)
}

/// The length of a signature in a payload: 64 bytes in base64url without padding.
const SIGNATURE_CHARS: usize = 86;

/// Finds a payload in text a person pasted: copied from a PDF viewer or a chat app, it may be
/// broken over lines, have spaces or invisible characters (zero-width spaces, soft hyphens)
/// inside, and words right after it. White space and invisible characters inside the token
/// are dropped; the token ends where its signature is complete.
pub fn find_payload_in_text(text: &str) -> Option<String> {
    let mut from = 0;
    while let Some(found) = text[from..].find(PAYLOAD_PREFIX) {
        let start = from + found;
        from = start + PAYLOAD_PREFIX.len();
        let mut token = String::from(PAYLOAD_PREFIX);
        let mut dots = 0;
        let mut signature = 0;
        for c in text[from..].chars() {
            if c.is_whitespace()
                || matches!(
                    c,
                    '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
                )
            {
                continue;
            }
            if !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')) {
                break;
            }
            if c == '.' {
                dots += 1;
                if dots > 1 {
                    break;
                }
            } else if dots == 1 {
                signature += 1;
            }
            token.push(c);
            if signature == SIGNATURE_CHARS {
                break;
            }
        }
        if is_payload(&token) {
            return Some(token);
        }
    }
    None
}

/// Bytes that may stand right before or after a payload: white space, PDF delimiters and quotes.
fn is_delimiter(b: u8) -> bool {
    b.is_ascii_whitespace()
        || matches!(
            b,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%' | b'"' | b'\''
        )
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_payload_is_found_through_line_breaks_spaces_and_invisible_characters() {
        let claims = "eyJpZCI6IlNEUi1WTjE4LTEifQ";
        let signature = "A".repeat(85) + "w";
        let payload = format!("SDR1.{claims}.{signature}");
        let broken = format!(
            "Here is my certificate:\nSDR1.eyJpZCI6Il\r\nNEUi1WTjE4\u{200B}LTEifQ.{}\n {} Thanks!",
            &signature[..40],
            &signature[40..]
        );
        assert_eq!(
            find_payload_in_text(&broken).as_deref(),
            Some(payload.as_str())
        );
        let soft = payload.replace("LTE", "L\u{00AD}TE");
        assert_eq!(
            find_payload_in_text(&soft).as_deref(),
            Some(payload.as_str())
        );
        assert_eq!(find_payload_in_text("no certificate here"), None);
        assert_eq!(find_payload_in_text("SDR1."), None);
    }

    #[test]
    fn find_payload_rejects_garbage_without_panicking() {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for len in [0usize, 1, 4, 5, 6, 100, 4096, 100_000] {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state as u8
                })
                .collect();
            assert_eq!(find_payload(&bytes), None);
        }
        for input in [
            &b"SDR1."[..],
            b"SDR1",
            b"(SDR1.)",
            b"(SDR1..abc)",
            b"(SDR1.abc.)",
            b"(SDR1..)",
            b"(SDR1.abc",
            b"(XSDR1.abc)",
            b"(sdr1.abc)",
            b"(SDR1.ab$c)",
            b"SDR1.SDR1.SDR1.SDR1.",
            b"\xff\xfe(SDR1.\xff)",
        ] {
            assert_eq!(find_payload(input), None, "{input:?}");
        }
        let too_long = format!("({}{})", PAYLOAD_PREFIX, "A".repeat(MAX_PAYLOAD_BODY + 1));
        assert_eq!(find_payload(too_long.as_bytes()), None);
        assert_eq!(
            find_payload(b"junk (SDR1.x) (SDR1.abc.def_-9) more").as_deref(),
            Some("SDR1.x")
        );
        assert_eq!(
            find_payload(b"xSDR1.bad \xffSDR1.bad (SDR1.abc.def_-9)").as_deref(),
            Some("SDR1.abc.def_-9")
        );
    }

    #[test]
    fn payload_shape_is_checked() {
        for good in ["SDR1.a", "SDR1.abc.def_-9", "SDR1.A.B.C"] {
            assert!(is_payload(good), "{good}");
        }
        for bad in [
            "",
            "SDR1.",
            "SDR2.abc",
            "SDR1.a..b",
            "SDR1.ab c",
            "SDR1.é",
            "SDR1.a.",
        ] {
            assert!(!is_payload(bad), "{bad}");
        }
        let longest = format!("{PAYLOAD_PREFIX}{}", "A".repeat(MAX_PAYLOAD_BODY));
        assert!(is_payload(&longest));
        assert!(!is_payload(&format!("{longest}A")));
    }
}
