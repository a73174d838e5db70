//! Text made safe for the markup govgraph writes itself (the embedded
//! renderer's SVG, the members view and the HTML page): every character that could end text and start markup
//! is escaped, and characters XML cannot hold are replaced, so that no text
//! from a structure file is ever read as an element, an attribute or a
//! script.

/// Escapes text for XML, SVG and HTML character data and quoted attribute
/// values: `&`, `<`, `>`, `"` and `'` become references; control
/// characters other than tab and line break, and the noncharacters U+FFFE
/// and U+FFFF (which XML 1.0 cannot hold), become U+FFFD.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// An estimate of the width of `text` in a Helvetica-like sans-serif font
/// at `size` pixels, generous enough for DejaVu Sans, the usual fallback.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' => 0.3,
            ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' | '\\' | '"' => 0.38,
            'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.9,
            'A'..='Z' | '&' => 0.7,
            c if c.is_ascii() => 0.58,
            c if (c as u32) >= 0x1100 => 1.0,
            _ => 0.62,
        })
        .sum();
    em * size
}

/// Formats a coordinate with one decimal, the same way every time.
pub(crate) fn number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    format!("{rounded:.1}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_no_markup_and_nothing_xml_cannot_hold() {
        assert_eq!(
            escape("<script>&\"'</script>"),
            "&lt;script&gt;&amp;&quot;&#39;&lt;/script&gt;"
        );
        assert_eq!(
            escape("a\u{0}b\u{1b}c\u{ffff}"),
            "a\u{fffd}b\u{fffd}c\u{fffd}"
        );
        assert_eq!(escape("line\nnext\ttab"), "line\nnext\ttab");
    }
}
