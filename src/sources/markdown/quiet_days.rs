//! A status page's history lists every day, most with nothing on them (`13th December 2024`
//! over `No incidents reported`): such a day is not the incident's, though it is the first
//! date the page writes.

/// `lines` with each day that a status history marks as quiet blanked out, so that the
/// first date left is a day something happened on.
#[must_use]
pub fn without_quiet_days<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut kept = lines.to_vec();
    for (index, line) in lines.iter().enumerate() {
        if !says_nothing_happened(line) {
            continue;
        }
        // The day is the nearest line above with words on it.
        if let Some(day) = (0..index)
            .rev()
            .find(|above| !lines[*above].trim().is_empty())
        {
            kept[day] = "";
        }
    }
    kept
}

/// `No incidents reported`, `No incidents reported today.`, `No incidents` (Statuspage,
/// Instatus, Cachet and their like under a quiet day).
fn says_nothing_happened(line: &str) -> bool {
    let words: Vec<String> = line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    matches!(
        words.iter().map(String::as_str).collect::<Vec<_>>().as_slice(),
        ["no", "incidents" | "incident", ..] if words.len() <= 4
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_with_no_incidents_is_blanked_and_the_day_of_the_incident_kept() {
        let lines = [
            "13th December 2024",
            "",
            "No incidents reported",
            "",
            "12th December 2024",
            "",
            "VPS Hardware failure",
        ];
        let kept = without_quiet_days(&lines);
        assert_eq!(kept[0], "", "the quiet day is no candidate");
        assert_eq!(kept[2], "No incidents reported");
        assert_eq!(kept[4], "12th December 2024");
    }

    #[test]
    fn a_sentence_about_incidents_is_no_quiet_day() {
        let lines = [
            "March 3, 2024",
            "No incidents of data loss were reported by customers during the outage.",
        ];
        assert_eq!(without_quiet_days(&lines), lines);
    }
}
