//! flipover: a flip chart for leadership workshops, in the terminal.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod content;
pub mod exercise;
pub mod export;
pub mod follow;
pub mod guide;
pub mod i18n;
pub mod keymap;
pub mod launcher;
pub mod runtime;
pub mod session;
pub mod storage;
pub mod template;
pub mod text;
pub mod ui;
