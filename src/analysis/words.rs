//! Words as duplication compares them: split, lower-cased, without common
//! English words, plurals made singular, and numbered.

use crate::analysis::net::FastMap;

/// Calls `each` on every word of `text` as compared: split at anything that
/// is not a letter or digit, lower-cased, without common English words,
/// numbers and single letters, and with a plural `s` taken off.
pub(super) fn for_each_word(text: &str, buffer: &mut String, mut each: impl FnMut(&str)) {
    for raw in text.split(|c: char| !c.is_alphanumeric()) {
        if raw.is_empty() {
            continue;
        }
        lower_case(raw, buffer);
        if buffer.chars().nth(1).is_none()
            || buffer.chars().all(char::is_numeric)
            || is_stop_word(buffer)
        {
            continue;
        }
        let word = singular(buffer);
        each(word);
    }
}

/// Numbers words in the order they are first seen. Words of up to 16 bytes
/// (nearly all) are keyed by their bytes packed into one integer, so a
/// lookup reads the table only, not a string elsewhere in memory.
pub(super) struct Interner {
    short: FastMap<u128, u32>,
    long: FastMap<Box<str>, u32>,
}

impl Interner {
    pub(super) fn with_capacity(capacity: usize) -> Interner {
        Interner {
            short: FastMap::with_capacity_and_hasher(capacity, Default::default()),
            long: FastMap::default(),
        }
    }

    /// The number of `word`, adding it to `names` if it is new.
    pub(super) fn number(&mut self, word: &str, names: &mut Vec<String>) -> u32 {
        let next = names.len() as u32;
        let number = if word.len() <= 16 {
            // Words have no NUL bytes, so zero padding keeps keys distinct.
            let mut bytes = [0u8; 16];
            bytes[..word.len()].copy_from_slice(word.as_bytes());
            *self.short.entry(u128::from_le_bytes(bytes)).or_insert(next)
        } else {
            match self.long.get(word) {
                Some(&n) => n,
                None => *self.long.entry(word.into()).or_insert(next),
            }
        };
        if number == next {
            names.push(word.to_string());
        }
        number
    }
}

/// Writes `text` lower-cased into `buffer`, quickly when it is ASCII.
pub(super) fn lower_case(text: &str, buffer: &mut String) {
    buffer.clear();
    if text.is_ascii() {
        buffer.push_str(text);
        buffer.make_ascii_lowercase();
    } else {
        buffer.extend(text.chars().flat_map(char::to_lowercase));
    }
}

/// Takes a plural `s` off a word ("plans", "groups", "services"), leaving
/// words that end in "ss", "us" or "is" ("business", "status", "analysis")
/// and short words alone. Deliberately light: it does no stemming, so
/// "safe" and "safeguarding" stay different words.
fn singular(word: &str) -> &str {
    if word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        &word[..word.len() - 1]
    } else {
        word
    }
}

/// Whether a word of a body's name says what sort of body it is, or whose,
/// rather than what it does: "group", "board", "commissioning",
/// "partnership". Two bodies whose names share only such words share no
/// purpose. Takes the word as compared (lower case, singular).
pub(super) fn is_generic_name_word(word: &str) -> bool {
    static SET: std::sync::OnceLock<FastMap<&'static str, ()>> = std::sync::OnceLock::new();
    SET.get_or_init(|| GENERIC_NAME_WORDS.iter().map(|&w| (w, ())).collect())
        .contains_key(word)
}

/// Words of names that say what sort of body it is, or whose, sorted; as
/// compared, so singular ("familie" is "families" made singular).
const GENERIC_NAME_WORDS: &[&str] = &[
    "advisory",
    "alliance",
    "area",
    "arrangement",
    "assembly",
    "authority",
    "board",
    "borough",
    "cabinet",
    "child",
    "children",
    "city",
    "cluster",
    "commission",
    "commissioning",
    "committee",
    "consortium",
    "council",
    "county",
    "cyp",
    "delivery",
    "directorate",
    "district",
    "executive",
    "familie",
    "family",
    "finish",
    "forum",
    "group",
    "hub",
    "implementation",
    "joint",
    "local",
    "management",
    "meeting",
    "multi",
    "network",
    "operational",
    "outcome",
    "panel",
    "partnership",
    "people",
    "priority",
    "programme",
    "project",
    "reference",
    "service",
    "shadow",
    "steering",
    "strategic",
    "strategy",
    "sub",
    "subgroup",
    "task",
    "team",
    "thematic",
    "theme",
    "trust",
    "unit",
    "working",
    "young",
];

fn is_stop_word(word: &str) -> bool {
    static SET: std::sync::OnceLock<FastMap<&'static str, ()>> = std::sync::OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().map(|&w| (w, ())).collect())
        .contains_key(word)
}

/// Common English words that say nothing about what a body does, sorted so
/// that a reader finds them.
const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "across", "after", "again", "against", "all", "also", "am", "an", "and",
    "any", "are", "as", "at", "be", "been", "before", "being", "below", "between", "both", "but",
    "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "eg", "either",
    "etc", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
    "hers", "him", "his", "how", "ie", "if", "in", "into", "is", "it", "its", "itself", "may",
    "me", "might", "more", "most", "must", "my", "no", "nor", "not", "of", "off", "on", "once",
    "only", "or", "other", "our", "ours", "out", "over", "own", "per", "same", "shall", "she",
    "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
    "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which",
    "while", "who", "whom", "whose", "why", "will", "with", "within", "would", "you", "your",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, &mut String::new(), |w| out.push(w.to_string()));
        out
    }

    #[test]
    fn generic_name_words_are_listed_once_and_as_compared() {
        assert!(GENERIC_NAME_WORDS.windows(2).all(|w| w[0] < w[1]));
        for word in GENERIC_NAME_WORDS {
            assert_eq!(words(word), [*word], "{word} is not as compared");
        }
    }

    #[test]
    fn stop_words_are_listed_once_in_order() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_are_lower_case_singular_and_without_common_words() {
        assert_eq!(
            words("Link between Alliance Board and their service delivery arm(s)"),
            ["link", "alliance", "board", "service", "delivery", "arm"]
        );
        assert_eq!(
            words("Oversight of 'safe' activity in the CYPP"),
            ["oversight", "safe", "activity", "cypp"]
        );
        assert_eq!(
            words("Preparing Business Plans for 14 - 19 year olds"),
            ["preparing", "business", "plan", "year", "old"]
        );
        assert_eq!(words("Children's status"), ["children", "status"]);
    }
}
