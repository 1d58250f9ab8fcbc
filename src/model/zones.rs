//! Finding a time zone by part of its IANA name, as the zone picker's search does.

use chrono_tz::Tz;

/// The zones whose IANA name contains `search`, ignoring case and treating spaces as the
/// underscores IANA names use (`new york` finds `America/New_York`), in the database's order.
#[must_use]
pub fn zones_matching(search: &str) -> Vec<Tz> {
    let needle: String = search
        .trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    chrono_tz::TZ_VARIANTS
        .iter()
        .copied()
        .filter(|tz| tz.name().to_lowercase().contains(&needle))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_are_found_by_any_part_of_their_name() {
        assert!(zones_matching("new york").contains(&chrono_tz::America::New_York));
        assert!(zones_matching("BERLIN").contains(&chrono_tz::Europe::Berlin));
        assert_eq!(zones_matching("").len(), chrono_tz::TZ_VARIANTS.len());
        assert!(zones_matching("no such place").is_empty());
    }
}
