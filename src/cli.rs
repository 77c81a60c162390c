//! cli: the command line, as clap definitions only.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "flipover",
    version,
    about = "A flip chart for leadership workshops, in the terminal",
    long_about = "Runs timed workshops on a projector: shows the model, runs the exercises, keeps \
                  the time and saves every answer the moment it is written. With no command, \
                  opens the launcher."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Where sessions are saved (default: FLIPOVER_DATA_DIR, else the platform's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Language of the workshop and the screens.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Colours: dark or light high contrast, or the terminal's own (default: the
    /// config file's `theme`, else dark).
    #[arg(long, global = true, value_enum)]
    pub theme: Option<crate::ui::ThemeName>,
    /// Rehearse: run the workshop without saving anything.
    #[arg(long, global = true)]
    pub rehearse: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Start a new session of a workshop (a shipped id or a path; default: the 3-hour workshop).
    Run { workshop: Option<String> },
    /// Continue a session (default: the latest), clock and position included.
    Resume { session: Option<String> },
    /// The room view for a second screen: follows a running session, read-only
    /// (default: the session a console has open, else the latest).
    Follow { session: Option<String> },
    /// List sessions: id, workshop, date, progress.
    Sessions,
    /// Write the report of a session (default: the open one, else the latest)
    /// into its folder's `report/`: Markdown, self-contained HTML, CSV for
    /// spreadsheets (`;`-separated in Danish, `,` in English), or JSON.
    Export {
        session: Option<String>,
        /// The formats, comma-separated or repeated (default: md).
        #[arg(short, long, value_enum, value_delimiter = ',')]
        format: Vec<crate::export::Format>,
        /// Every format: md, html, csv and json.
        #[arg(long, conflicts_with = "format")]
        all: bool,
        /// Where to write: a file for one format other than csv (`-` for
        /// standard output), else a folder.
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Check content and workshop files; print every problem as path:line:col; exit 1 if any.
    Check { paths: Vec<PathBuf> },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Da,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }
}
