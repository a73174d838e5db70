//! "Did you mean ...?" suggestions for misspelt ids and words.

/// The candidate closest to `word`, if it is close enough to be a plausible
/// typo: an edit distance of at most a third of the word's length (and at
/// least 1), ties broken by the candidate that sorts first.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
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
    }
}
