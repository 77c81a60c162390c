//! The yardstick for flipover's start-up: a bare ratatui program that draws
//! one frame and waits for a key. `benches/first_frame.py` times both from
//! spawn to the first frame on screen.

use crossterm::event::{self, Event};
use ratatui::widgets::Paragraph;

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    terminal.draw(|f| f.render_widget(Paragraph::new("Trin 1/1 bare"), f.area()))?;
    loop {
        if let Event::Key(_) = event::read()? {
            break;
        }
    }
    ratatui::restore();
    Ok(())
}
