//! The points said so far, numbered, with the step's questions beside them;
//! the actions as a table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use super::List;
use crate::app::App;
use crate::session::Item;
use crate::ui::{ActionTable, ItemList, Theme, bullets, framed_list, split_for_questions};

fn items(app: &App) -> Vec<&Item> {
    app.session()
        .state(&app.step().id)
        .map(|s| s.items.iter().collect())
        .unwrap_or_default()
}

pub fn points(frame: &mut Frame, area: Rect, app: &App, list: &List, theme: &Theme) {
    let w = app.words();
    let step = app.step();
    let items = items(app);
    let (list_area, side) = split_for_questions(area, !step.questions.is_empty());
    if let Some(inner) = framed_list(
        frame,
        list_area,
        w.points,
        items.len(),
        w.empty_points,
        theme,
    ) {
        let list = ItemList {
            items: &items,
            selected: Some(list.row(&items)),
            highlight: !app.is_room(),
            picked: None,
            numbered: true,
            more: w.more,
        };
        list.draw(frame, inner, theme);
    }
    if let Some(side) = side {
        frame.render_widget(
            Paragraph::new(bullets(w.questions, &step.questions, side.width, theme))
                .wrap(Wrap { trim: true }),
            side,
        );
    }
}

pub fn actions(frame: &mut Frame, area: Rect, app: &App, list: &List, theme: &Theme) {
    let w = app.words();
    let items = items(app);
    let Some(inner) = framed_list(frame, area, w.actions, items.len(), w.empty_actions, theme)
    else {
        return;
    };
    let actions = items
        .iter()
        .map(|i| [i.text.as_str(), i.who.as_str(), i.when.as_str()])
        .collect();
    ActionTable::new(actions, [w.what, w.who, w.when], w.more)
        .selected(list.row(&items), !app.is_room())
        .draw(frame, inner, theme);
}
