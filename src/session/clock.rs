//! The clock of one step: planned time, time used, and whether it runs. Pure:
//! every reading takes `now` (Unix milliseconds) from the caller.

use serde::{Deserialize, Serialize};

/// Unix time in milliseconds.
pub type Millis = u64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepClock {
    /// Planned length in seconds (the workshop's minutes, plus or minus adjustments).
    pub planned_s: u32,
    /// Time used while running, up to `running_since`.
    pub used_ms: u64,
    /// Set while the clock runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running_since: Option<Millis>,
}

/// How the time left compares with the plan, for colouring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockState {
    OnTime,
    /// 20 % or less of the planned time is left.
    Low,
    /// Past the planned time.
    Over,
}

impl StepClock {
    pub fn new(minutes: u32) -> Self {
        Self {
            planned_s: minutes * 60,
            used_ms: 0,
            running_since: None,
        }
    }

    pub fn running(&self) -> bool {
        self.running_since.is_some()
    }

    pub fn used_ms(&self, now: Millis) -> u64 {
        self.used_ms + self.running_since.map_or(0, |t| now.saturating_sub(t))
    }

    /// Milliseconds left; negative once the step runs over.
    pub fn left_ms(&self, now: Millis) -> i64 {
        i64::from(self.planned_s) * 1000 - self.used_ms(now) as i64
    }

    pub fn state(&self, now: Millis) -> ClockState {
        let left = self.left_ms(now);
        if left < 0 {
            ClockState::Over
        } else if left * 5 <= i64::from(self.planned_s) * 1000 {
            ClockState::Low
        } else {
            ClockState::OnTime
        }
    }

    /// Started if paused, paused if running.
    pub fn toggled(&self, now: Millis) -> Self {
        match self.running_since {
            Some(_) => self.paused(now),
            None => Self {
                running_since: Some(now),
                ..*self
            },
        }
    }

    /// Stopped, with the time used so far kept.
    pub fn paused(&self, now: Millis) -> Self {
        Self {
            used_ms: self.used_ms(now),
            running_since: None,
            ..*self
        }
    }

    /// The same clock with a new plan.
    pub fn with_planned(&self, planned_s: u32) -> Self {
        Self { planned_s, ..*self }
    }

    /// The plan moved by `minutes` (never below one minute).
    pub fn adjusted(&self, minutes: i32) -> Self {
        let planned = (i64::from(self.planned_s) + i64::from(minutes) * 60).clamp(60, 600 * 60);
        Self {
            planned_s: planned as u32,
            ..*self
        }
    }
}

/// `m:ss`, with a sign for negative values: "12:05", "+3:20" for 3:20 over.
pub fn format_left(left_ms: i64) -> String {
    let (sign, ms) = if left_ms < 0 {
        ("+", left_ms.unsigned_abs())
    } else {
        ("", left_ms as u64)
    };
    // Round time left up, so "0:00" shows only when the time is really up.
    let secs = if left_ms < 0 {
        ms / 1000
    } else {
        ms.div_ceil(1000)
    };
    format!("{sign}{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_only_while_running() {
        let c = StepClock::new(10).toggled(1_000);
        assert_eq!(c.used_ms(61_000), 60_000);
        let p = c.paused(61_000);
        assert_eq!(p.used_ms(999_000), 60_000);
        assert_eq!(p.left_ms(0), 540_000);
    }

    #[test]
    fn turns_low_at_twenty_percent_and_over_after_the_plan() {
        let c = StepClock::new(10).toggled(0);
        assert_eq!(c.state(7 * 60_000), ClockState::OnTime);
        assert_eq!(c.state(8 * 60_000), ClockState::Low);
        assert_eq!(c.state(10 * 60_000 + 1), ClockState::Over);
    }

    #[test]
    fn formats_over_time_with_plus() {
        assert_eq!(format_left(754_000), "12:34");
        assert_eq!(format_left(-200_000), "+3:20");
        assert_eq!(format_left(500), "0:01");
    }

    #[test]
    fn adjust_keeps_at_least_a_minute() {
        assert_eq!(StepClock::new(2).adjusted(-5).planned_s, 60);
        assert_eq!(StepClock::new(2).adjusted(1).planned_s, 180);
    }
}
