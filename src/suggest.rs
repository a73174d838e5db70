//! "Did you mean ...?" suggestions for misspelt ids and words.

/// The candidate closest to `word`, if it is close enough to be a plausible
/// typo: an edit distance of at most a third of the word's length, rounded
/// up, and less than the length itself (so "b" never suggests "a"); ties go
/// to the candidate that sorts first.
///
/// Words longer than [`LONGEST`] characters get no suggestion: the edit
/// distance takes time proportional to the product of the two lengths, and
/// a long id in a hostile or generated file is not a typo to help with.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let length = word.chars().count();
    if length > LONGEST {
        return None;
    }
    let limit = length.div_ceil(3).min(length.saturating_sub(1));
    candidates
        .into_iter()
        .filter(|c| *c != word)
        // The distance is at least the difference in length: skip the
        // comparison when that alone is too far (byte lengths bound it from
        // below within a factor of four, so compare characters).
        .filter(|c| c.len() <= 4 * (length + limit))
        .filter(|c| c.chars().count().abs_diff(length) <= limit)
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, c)| c)
}

/// Every candidate, nearest to `word` first (by edit distance, then in the
/// candidates' own order), so that an error can list what is allowed with
/// the likeliest intent first.
pub(crate) fn nearest_first<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<&'a str> {
    // Long words are compared by their start only: what is written is a
    // mistake, and the list is for a person to read.
    let word: String = word.chars().take(LONGEST).collect();
    let mut ranked: Vec<(usize, usize, &str)> = candidates
        .into_iter()
        .enumerate()
        .map(|(i, c)| (strsim::levenshtein(&word, c), i, c))
        .collect();
    ranked.sort_unstable();
    ranked.into_iter().map(|(_, _, c)| c).collect()
}

/// The longest word, in characters, that gets a suggestion.
const LONGEST: usize = 100;

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_a_near_miss_and_nothing_for_a_stranger() {
        let ids = ["board", "exec", "lscb"];
        assert_eq!(closest("bord", ids), Some("board"));
        assert_eq!(closest("parliament", ids), None);
        assert_eq!(closest("bored", ["board"]), Some("board"));
        assert_eq!(closest("b", ["a"]), None);
    }

    #[test]
    fn long_words_and_words_of_far_other_lengths_get_nothing() {
        let long = "a".repeat(101);
        let nearly = format!("{long}b");
        assert_eq!(closest(&long, [nearly.as_str()]), None);
        assert_eq!(closest(&long[..100], [&long[..99]]), Some(&long[..99]));
        assert_eq!(closest("board", ["boardroom"]), None);
    }
}
