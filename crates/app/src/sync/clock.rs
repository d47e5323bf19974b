//! Hybrid logical clocks: the wall time of a change, then a counter for
//! changes no later by the wall clock than one already seen, then the
//! device, so that any two changes are ordered the same way everywhere and
//! a change made after another was seen is always later than it.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// When a change was made: compared by wall time, counter, device, then
/// the device's store (two machines given one name still differ).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Clock(pub i64, pub u32, pub String, pub String);

/// A device's clock: the latest time it has made or seen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hlc {
    pub millis: i64,
    pub counter: u32,
}

impl Hlc {
    /// The clock of a change made at `at` here, later than anything seen.
    pub fn tick(&mut self, at: NaiveDateTime, device: &str, origin: &str) -> Clock {
        let wall = at.and_utc().timestamp_millis();
        if wall > self.millis {
            self.millis = wall;
            self.counter = 0;
        } else {
            self.counter += 1;
        }
        Clock(self.millis, self.counter, device.to_string(), origin.to_string())
    }

    /// Takes in a clock seen in another device's change.
    pub fn see(&mut self, clock: &Clock) {
        if (clock.0, clock.1) > (self.millis, self.counter) {
            self.millis = clock.0;
            self.counter = clock.1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(time: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(time, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn a_change_made_after_another_was_seen_is_later_even_with_a_slow_wall_clock() {
        let mut laptop = Hlc::default();
        let mut desk = Hlc::default();
        let seen = desk.tick(at("2026-12-07T10:00"), "desk", "b");
        laptop.see(&seen);
        let made = laptop.tick(at("2026-12-07T09:00"), "laptop", "a");
        assert!(made > seen);
        let again = laptop.tick(at("2026-12-07T09:00"), "laptop", "a");
        assert!(again > made);
        let later = laptop.tick(at("2026-12-07T11:00"), "laptop", "a");
        assert_eq!((later.0, later.1), (at("2026-12-07T11:00").and_utc().timestamp_millis(), 0));
    }

    #[test]
    fn at_one_time_the_device_breaks_the_tie() {
        let mut one = Hlc::default();
        let mut two = Hlc::default();
        let a = one.tick(at("2026-12-07T09:00"), "desk", "x");
        let b = two.tick(at("2026-12-07T09:00"), "laptop", "x");
        assert!(b > a);
    }
}
