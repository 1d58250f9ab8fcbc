//! Finding a time zone by part of its IANA name, as the zone picker's search does, and
//! naming one for people.

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

/// A zone's name as a person reads it: its IANA name, except the fixed offsets that POSIX
/// names with the sign turned round (`Etc/GMT-2` is two hours ahead of UTC), which say
/// their offset first: `UTC+2 (Etc/GMT-2)`.
#[must_use]
pub fn zone_label(zone: Tz) -> String {
    let name = zone.name();
    let Some(hours) = name
        .strip_prefix("Etc/GMT")
        .filter(|rest| rest.starts_with(['+', '-']))
        .and_then(|rest| rest.parse::<i32>().ok())
    else {
        return name.to_owned();
    };
    format!("UTC{:+} ({name})", -hours)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_offset_says_its_offset_the_right_way_round() {
        assert_eq!(zone_label(chrono_tz::Etc::GMTMinus2), "UTC+2 (Etc/GMT-2)");
        assert_eq!(zone_label(chrono_tz::Etc::GMTPlus7), "UTC-7 (Etc/GMT+7)");
        assert_eq!(zone_label(chrono_tz::Europe::Paris), "Europe/Paris");
        assert_eq!(zone_label(chrono_tz::Etc::GMT), "Etc/GMT");
    }

    #[test]
    fn zones_are_found_by_any_part_of_their_name() {
        assert!(zones_matching("new york").contains(&chrono_tz::America::New_York));
        assert!(zones_matching("BERLIN").contains(&chrono_tz::Europe::Berlin));
        assert_eq!(zones_matching("").len(), chrono_tz::TZ_VARIANTS.len());
        assert!(zones_matching("no such place").is_empty());
    }
}
