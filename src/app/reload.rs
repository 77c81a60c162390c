//! Rehearsing a workshop file: when the file is saved in an editor, the App
//! takes the new workshop and shows the step that changed (or stays where it
//! was); a file that no longer loads leaves the last good workshop on screen
//! and says why. The answers typed so far stay with their steps.

use std::sync::Arc;

use super::{App, Note, Options, extend};
use crate::content::{Content, Workshop};
use crate::session::{Session, StepClock};

impl App {
    /// Shows `workshop` (the file as it now is) in place of the current one.
    pub fn reload(&mut self, workshop: &Workshop, instruments: Vec<Content>, now: u64) {
        let new = extend(workshop, &self.session.extras, &instruments);
        let old = &self.workshop;
        // The first step that is new or different, else where the room was
        // (or, if that step is gone, the step now in its place).
        let changed = new.steps.iter().find(|s| {
            old.steps
                .iter()
                .find(|o| o.id == s.id)
                .is_none_or(|o| o != *s)
        });
        let here = self.step_index();
        let target = changed
            .or_else(|| new.steps.iter().find(|s| s.id == self.session.step))
            .or_else(|| new.steps.get(here.min(new.steps.len().saturating_sub(1))))
            .map(|s| s.id.clone())
            .unwrap_or_default();
        let mut session = Session::new(self.session.meta.clone(), &new);
        session.extras = self.session.extras.clone();
        session.started = self.session.started;
        for step in &new.steps {
            if let (Some(kept), Some(state)) = (
                self.session.steps.get(&step.id),
                session.steps.get_mut(&step.id),
            ) {
                let planned = state.clock.planned_s;
                *state = kept.clone();
                if old
                    .steps
                    .iter()
                    .any(|o| o.id == step.id && o.minutes != step.minutes)
                {
                    state.clock = StepClock {
                        planned_s: planned,
                        ..kept.clock
                    };
                }
            }
        }
        session.step = target;
        let options = Options {
            instruments,
            rehearsal: self.rehearsal,
            presentation: self.presentation,
            tz: Some(self.tz.clone()),
            report_formats: self.report_formats.clone(),
            series: self.series.clone(),
        };
        *self = App::new(Arc::new(new), session, now, options);
        self.say(Note::Reloaded);
    }

    /// Says that the rehearsed file cannot be loaded, and why; the workshop
    /// on screen stays as it was.
    pub fn reload_failed(&mut self, problem: String, now: u64) {
        self.now = now;
        self.say(Note::ReloadFailed(problem));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, Msg};
    use crate::content::Library;
    use crate::session::Meta;

    fn rehearsal() -> App {
        let (lib, _) = Library::embedded();
        let w = lib
            .workshop("3-timers-workshop", Some("da"))
            .expect("shipped");
        let meta = Meta {
            id: "rehearsal".into(),
            workshop: w.id.clone(),
            lang: w.lang.clone(),
            title: w.title.clone(),
            created: "2026-03-12T09:00:00Z".into(),
            name: String::new(),
            archived: false,
        };
        let options = Options {
            rehearsal: true,
            ..Options::default()
        };
        App::new(Arc::new(w.clone()), Session::new(meta, w), 0, options)
    }

    /// The next step, as the runtime carries it out in a rehearsal.
    fn next(app: &mut App, at: u64) {
        let effects = app.update(Msg::Do(Action::NextStep), at);
        crate::runtime::carry_out(app, &mut None, effects, at);
    }

    #[test]
    fn an_edited_step_is_shown_and_the_others_keep_their_answers() {
        let mut app = rehearsal();
        let mut w = app.workshop().clone();
        next(&mut app, 1);
        assert_eq!(app.step().id, "inspiration");
        w.steps[4].title = "Ny titel".into();
        w.steps[4].minutes += 5;
        w.minutes += 5;
        app.reload(&w, Vec::new(), 2);
        assert_eq!(app.step().title, "Ny titel", "jumps to the changed step");
        assert_eq!(
            app.session().steps[&w.steps[4].id].clock.planned_s,
            (w.steps[4].minutes * 60),
            "the new minutes are the plan"
        );
        assert!(app.rehearsal());
        let (text, error) = app.status().expect("said");
        assert!(text.contains("læst igen") && !error, "{text}");
    }

    #[test]
    fn an_unchanged_file_stays_on_the_step_and_a_broken_one_says_why() {
        let mut app = rehearsal();
        next(&mut app, 1);
        let w = app.workshop().clone();
        app.reload(&w, Vec::new(), 2);
        assert_eq!(app.step().id, "inspiration");
        app.reload_failed("kommune.toml:3:1: unknown field `purpse`".into(), 3);
        let (text, error) = app.status().expect("said");
        assert!(error && text.contains("unknown field `purpse`"), "{text}");
        assert_eq!(app.step().id, "inspiration", "the last good version stays");
    }

    #[test]
    fn a_rehearsal_never_says_saved() {
        let mut app = rehearsal();
        next(&mut app, 1);
        app.say(Note::Saved);
        let (text, _) = app.status().expect("said");
        assert!(text.contains("Noteret (prøve – intet gemmes)"), "{text}");
        assert!(!text.contains("Gemt"), "{text}");
    }
}
