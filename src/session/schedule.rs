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
        // A step passed over without its clock ever running has not given its
        // time back: the facilitator may be looking ahead, or will return to it.
        let passed: u64 = workshop.steps[..current]
            .iter()
            .filter_map(|s| self.state(&s.id))
            .filter(|st| st.clock.used_ms(now) == 0)
            .map(|st| u64::from(st.clock.planned_s) * 1000)
            .sum();
        let rest = rest + passed;
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
        // Whole minutes, and no more of them than the room is behind: each
        // flexible step gives in proportion to what it can give, the minutes
        // left over by rounding down going to those with the largest remainder.
        let caps: Vec<i64> = flexible
            .iter()
            .map(|(_, _, r)| i64::from(*r) / 60)
            .collect();
        let room: i64 = caps.iter().sum();
        if room == 0 {
            return Vec::new();
        }
        let need = ((behind_s + 59) / 60).min(room);
        let mut cuts: Vec<i64> = caps.iter().map(|c| need * c / room).collect();
        let mut order: Vec<usize> = (0..caps.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(need * caps[i] % room));
        let mut short = need - cuts.iter().sum::<i64>();
        for i in order.into_iter().cycle().take(caps.len() * 2) {
            if short == 0 {
                break;
            }
            if cuts[i] < caps[i] {
                cuts[i] += 1;
                short -= 1;
            }
        }
        flexible
            .into_iter()
            .zip(cuts)
            .filter(|(_, cut)| *cut > 0)
            .map(|((id, planned, _), cut)| (id, planned.saturating_sub(cut as u32 * 60)))
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

    /// The steps before `step` as if each ran exactly its planned time.
    fn run_on_plan_until(s: &mut Session, w: &Workshop, step: &str) {
        for st in w.steps.iter().take_while(|st| st.id != step) {
            let mut clock = s.steps[&st.id].clock;
            clock.used_ms = u64::from(clock.planned_s) * 1000;
            s.apply(&Change::Clock {
                step: st.id.clone(),
                clock,
            });
        }
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
        run_on_plan_until(&mut s, &w, "droeftelse");
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

    #[test]
    fn rebalance_takes_only_the_minutes_the_room_is_behind() {
        let (mut s, w) = fixture();
        // The welcome (10 min) has run 11: one minute behind, five flexible steps ahead.
        start(&mut s, "velkomst", 0);
        let now = 11 * 60_000;
        let plan = s.rebalance(&w, now);
        let won: u32 = plan
            .iter()
            .map(|(id, p)| s.steps[id].clock.planned_s - p)
            .sum();
        assert_eq!(won, 60, "one minute, from one step: {plan:?}");
        assert_eq!(plan.len(), 1, "{plan:?}");
        for (id, p) in &plan {
            s.apply(&Change::Clock {
                step: id.clone(),
                clock: s.steps[id].clock.adjusted(0).with_planned(*p),
            });
        }
        assert_eq!(s.schedule(&w, now).map(|x| x.behind_ms()), Some(0));
    }

    #[test]
    fn a_step_passed_over_keeps_its_minutes_in_the_plan() {
        let (mut s, w) = fixture();
        start(&mut s, "velkomst", 0);
        // Straight on to the brainstorm, past the 25-minute inspiration, at 10 min.
        let paused = s.steps["velkomst"].clock.paused(10 * 60_000);
        s.apply(&Change::Clock {
            step: "velkomst".into(),
            clock: paused,
        });
        start(&mut s, "brainstorm", 10 * 60_000);
        let now = s.schedule(&w, 10 * 60_000).expect("started");
        assert_eq!(now.behind_ms(), 0, "not 40 minutes ahead");
    }
}
