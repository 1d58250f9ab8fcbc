//! The intervals derived from the key times. They are computed on demand and never stored,
//! so they can never disagree with the times they come from.

use chrono::TimeDelta;

use super::document::{KeyTime, KeyTimes};

/// One derived interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interval {
    /// Both ends are known and in order.
    Known(TimeDelta),
    /// One end or both are not filled in yet.
    Missing,
    /// The end is before the start; validation says which time is wrong.
    Negative,
}

impl Interval {
    fn between(
        start: Option<chrono::DateTime<chrono::Utc>>,
        end: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Self {
        match (start, end) {
            (Some(start), Some(end)) if end >= start => Self::Known(end - start),
            (Some(_), Some(_)) => Self::Negative,
            _ => Self::Missing,
        }
    }

    /// The interval when it is known and in order.
    #[must_use]
    pub const fn known(self) -> Option<TimeDelta> {
        match self {
            Self::Known(delta) => Some(delta),
            Self::Missing | Self::Negative => None,
        }
    }
}

/// The intervals every postmortem reports, each measured from the start of impact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Metrics {
    /// Start of impact to resolution: the impact window.
    pub duration: Interval,
    /// Start of impact to detection.
    pub time_to_detect: Interval,
    /// Start of impact to acknowledgement.
    pub time_to_acknowledge: Interval,
    /// Start of impact to mitigation.
    pub time_to_mitigate: Interval,
    /// Start of impact to resolution.
    pub time_to_resolve: Interval,
}

impl Metrics {
    /// Derives the metrics from the key times.
    #[must_use]
    pub fn from_key_times(times: &KeyTimes) -> Self {
        let since_start = |key: KeyTime| Interval::between(times.started, times.get(key));
        Self {
            duration: since_start(KeyTime::Resolved),
            time_to_detect: since_start(KeyTime::Detected),
            time_to_acknowledge: since_start(KeyTime::Acknowledged),
            time_to_mitigate: since_start(KeyTime::Mitigated),
            time_to_resolve: since_start(KeyTime::Resolved),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn at(hour: u32, minute: u32) -> Option<chrono::DateTime<Utc>> {
        Utc.with_ymd_and_hms(2025, 8, 1, hour, minute, 0).single()
    }

    #[test]
    fn metrics_of_the_example_incident() {
        let times = KeyTimes {
            started: at(14, 3),
            detected: at(14, 5),
            acknowledged: at(14, 6),
            mitigated: at(14, 20),
            resolved: at(14, 33),
        };
        let metrics = Metrics::from_key_times(&times);
        assert_eq!(metrics.duration, Interval::Known(TimeDelta::minutes(30)));
        assert_eq!(
            metrics.time_to_detect,
            Interval::Known(TimeDelta::minutes(2))
        );
        assert_eq!(
            metrics.time_to_acknowledge,
            Interval::Known(TimeDelta::minutes(3))
        );
        assert_eq!(
            metrics.time_to_mitigate,
            Interval::Known(TimeDelta::minutes(17))
        );
        assert_eq!(
            metrics.time_to_resolve,
            Interval::Known(TimeDelta::minutes(30))
        );
    }

    #[test]
    fn a_missing_end_or_start_gives_no_number() {
        let times = KeyTimes {
            started: at(14, 3),
            detected: at(14, 5),
            ..KeyTimes::default()
        };
        let metrics = Metrics::from_key_times(&times);
        assert_eq!(metrics.time_to_detect.known(), Some(TimeDelta::minutes(2)));
        assert_eq!(metrics.duration, Interval::Missing);
        assert_eq!(metrics.time_to_mitigate, Interval::Missing);

        let no_start = KeyTimes {
            resolved: at(14, 33),
            ..KeyTimes::default()
        };
        assert_eq!(
            Metrics::from_key_times(&no_start).duration,
            Interval::Missing
        );
    }

    #[test]
    fn an_end_before_the_start_is_negative_not_a_number() {
        let times = KeyTimes {
            started: at(14, 3),
            detected: at(14, 1),
            ..KeyTimes::default()
        };
        let metrics = Metrics::from_key_times(&times);
        assert_eq!(metrics.time_to_detect, Interval::Negative);
        assert_eq!(metrics.time_to_detect.known(), None);
    }

    #[test]
    fn equal_times_give_zero() {
        let times = KeyTimes {
            started: at(14, 3),
            detected: at(14, 3),
            ..KeyTimes::default()
        };
        assert_eq!(
            Metrics::from_key_times(&times).time_to_detect,
            Interval::Known(TimeDelta::zero())
        );
    }
}
