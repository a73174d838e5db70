//! "Did you mean ...?" suggestions for misspelt ids and words.

/// The candidate closest to `word`, if it is close enough to be a plausible
/// typo: an edit distance of at most a third of the word's length, rounded
/// up, and less than the length itself (so "b" never suggests "a"); ties go
/// to the candidate that sorts first.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let length = word.chars().count();
    let limit = length.div_ceil(3).min(length.saturating_sub(1));
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, c)| c)
}

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
}
