//! Where the room stands against the plan, and a rebalanced plan after an
//! overrun. Pure: computed from the session, the workshop and `now`.

use super::{Millis, Session};
use crate::content::Workshop;

/// The plan against the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// When the workshop ends as planned: the first clock start plus its minutes.
    pub planned_end: Millis,
    /// When it ends if the current step runs its time left and the rest run as
    /// planned now.
    pub projected_end: Millis,
}

impl Schedule {
    /// Milliseconds behind the plan (negative: ahead).
    pub fn behind_ms(&self) -> i64 {
        self.projected_end as i64 - self.planned_end as i64
    }
}

/// Shortest a flexible step is cut to, as a share of its plan (and never below
/// one minute).
const MIN_SHARE: f64 = 0.5;

impl Session {
    /// `None` until a clock has been started.
    pub fn schedule(&self, workshop: &Workshop, now: Millis) -> Option<Schedule> {
        let started = self.started?;
        let planned: u64 = workshop
            .steps
            .iter()
            .map(|s| u64::from(s.minutes) * 60_000)
            .sum();
        let current = workshop.steps.iter().position(|s| s.id == self.step)?;
        let rest: u64 = workshop.steps[current..]
            .iter()
            .filter_map(|s| self.state(&s.id))
            .map(|st| st.clock.left_ms(now).max(0) as u64)
            .sum();
        Some(Schedule {
            planned_end: started + planned,
            projected_end: now + rest,
        })
    }

    /// New planned seconds for the steps after the current one that win back
    /// the time the room is behind: flexible steps shrink in proportion to what
    /// they can give; protected steps keep their time. Empty when on time or when
    /// nothing can give.
    pub fn rebalance(&self, workshop: &Workshop, now: Millis) -> Vec<(String, u32)> {
        let Some(schedule) = self.schedule(workshop, now) else {
            return Vec::new();
        };
        let behind_s = schedule.behind_ms() / 1000;
        let Some(current) = workshop.steps.iter().position(|s| s.id == self.step) else {
            return Vec::new();
        };
        if behind_s < 60 {
            return Vec::new();
        }
        let flexible: Vec<(String, u32, u32)> = workshop.steps[current + 1..]
            .iter()
            .filter(|s| !s.protected)
            .filter_map(|s| {
                let planned = self.state(&s.id)?.clock.planned_s;
                // Measured against the workshop's own plan, so repeated
                // rebalancing cannot shrink a step to nothing.
                let floor = ((f64::from(s.minutes * 60) * MIN_SHARE) as u32).max(60);
                (planned > floor).then(|| (s.id.clone(), planned, planned - floor))
            })
            .collect();
        let room: i64 = flexible.iter().map(|(_, _, r)| i64::from(*r)).sum();
        if room == 0 {
            return Vec::new();
        }
        let take = behind_s.min(room);
        flexible
            .into_iter()
            .map(|(id, planned, r)| {
                // Whole minutes, rounded up, so the plan reads cleanly.
                let cut = ((take * i64::from(r) + room - 1) / room) as u32;
                let cut = cut.div_ceil(60) * 60;
                (id, planned.saturating_sub(cut.min(r)))
            })
            .filter(|(id, planned)| {
                self.state(id)
                    .is_some_and(|s| s.clock.planned_s != *planned)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Change, Meta};
    use super::*;

    fn fixture() -> (Session, std::sync::Arc<Workshop>) {
        let (lib, _) = crate::content::Library::embedded();
        let w = std::sync::Arc::new(
            lib.workshop(crate::content::DEFAULT_WORKSHOP, Some("da"))
                .expect("workshop")
                .clone(),
        );
        let meta = Meta {
            id: "s".into(),
            workshop: w.id.clone(),
            lang: "da".into(),
            title: "t".into(),
            created: "x".into(),
            name: String::new(),
            archived: false,
        };
        (Session::new(meta, &w), w)
    }

    fn start(s: &mut Session, step: &str, at: Millis) {
        let clock = s.steps[step].clock.toggled(at);
        s.apply(&Change::Goto { step: step.into() });
        s.apply(&Change::Clock {
            step: step.into(),
            clock,
        });
    }

    #[test]
    fn on_time_until_the_step_runs_over() {
        let (mut s, w) = fixture();
        assert_eq!(s.schedule(&w, 0), None);
        start(&mut s, "velkomst", 1_000);
        let on_time = s.schedule(&w, 1_000 + 5 * 60_000).expect("started");
        assert_eq!(on_time.planned_end, 1_000 + 180 * 60_000);
        assert_eq!(on_time.behind_ms(), 0);
        // Welcome is 10 minutes; at 17 minutes the room is 7 behind.
        let late = s.schedule(&w, 1_000 + 17 * 60_000).expect("started");
        assert_eq!(late.behind_ms(), 7 * 60_000);
    }

    #[test]
    fn moving_on_early_puts_the_room_ahead() {
        let (mut s, w) = fixture();
        start(&mut s, "velkomst", 0);
        let paused = s.steps["velkomst"].clock.paused(7 * 60_000);
        s.apply(&Change::Clock {
            step: "velkomst".into(),
            clock: paused,
        });
        start(&mut s, "inspiration", 7 * 60_000);
        let ahead = s.schedule(&w, 7 * 60_000).expect("started");
        assert_eq!(ahead.behind_ms(), -3 * 60_000);
    }

    #[test]
    fn rebalance_spares_protected_steps_and_wins_back_the_time() {
        let (mut s, w) = fixture();
        // The workshop began at 0; the discussion began on time, 100 minutes in,
        // and has run 45 of its 35 minutes: 10 minutes behind.
        s.started = Some(0);
        start(&mut s, "droeftelse", 100 * 60_000);
        let now = 145 * 60_000;
        assert_eq!(
            s.schedule(&w, now).map(|x| x.behind_ms()),
            Some(10 * 60_000)
        );
        let plan = s.rebalance(&w, now);
        assert!(plan.iter().all(|(id, _)| id != "beslutninger"), "{plan:?}");
        let won: u32 = plan
            .iter()
            .map(|(id, p)| s.steps[id].clock.planned_s - p)
            .sum();
        assert!(won >= 5 * 60, "close (10 min) can give at most 5: {plan:?}");
        for (id, p) in &plan {
            s.apply(&Change::Clock {
                step: id.clone(),
                clock: s.steps[id].clock.adjusted(0).with_planned(*p),
            });
        }
        assert!(s.rebalance(&w, now).is_empty(), "nothing more to give");
    }
}
