//! flipover: a flip chart for leadership workshops, in the terminal.

pub mod content;
pub mod text;
pub mod session;
pub mod storage;
pub mod app;
pub mod i18n;
pub mod keymap;
pub mod ui;
pub mod cli;
pub mod runtime;
pub mod launcher;
