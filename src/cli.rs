//! cli: the command line, as clap definitions only. Each command lists only
//! the options that do something for it; `Cli::settings` merges them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::ui::ThemeName;

const ENVIRONMENT: &str = "\
Environment:
  FLIPOVER_DATA_DIR  where sessions are saved (overridden by --data-dir); default: the
                     platform's data folder, e.g. ~/.local/share/flipover on Linux
  FLIPOVER_CONFIG    the config file to read instead of the platform's
  NO_COLOR           any value: a monochrome screen

Config file: config.toml in the platform's config folder (e.g.
~/.config/flipover/config.toml), or the file FLIPOVER_CONFIG names. It may say
  theme = \"light\"      # dark, light or terminal; --theme wins";

const EXAMPLES: &str = "\
Examples:
  flipover                                   the launcher: start a workshop or resume a session
  flipover run                               the 3-hour workshop, in Danish
  flipover run topledelsens-tjek --lang en   a shipped workshop in English
  flipover new kommune --from 3-timers-workshop --org \"Kommunen\" --start 09:00
  flipover check workshops/kommune.toml      every mistake, with its line
  flipover guide workshops/kommune.toml > drejebog.md
  flipover run workshops/kommune.toml --rehearse
  flipover follow                            the room view, on the projector";

#[derive(Parser, Debug)]
#[command(
    name = "flipover",
    version,
    about = "A flip chart for leadership workshops, in the terminal",
    long_about = "Runs timed workshops on a projector: shows the model, runs the exercises, keeps \
                  the time and saves every answer the moment it is written. With no command, \
                  opens the launcher.",
    after_help = "`flipover help COMMAND` or `flipover COMMAND --help` says more; --help shows examples and the environment.",
    after_long_help = format!("{EXAMPLES}\n\n{ENVIRONMENT}")
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The launcher's options. Given before a command, they count for it
    /// where they mean something (`flipover --data-dir D sessions`).
    #[command(flatten)]
    pub console: ConsoleArgs,
}

/// Where sessions are kept.
#[derive(Args, Debug, Default, Clone)]
pub struct DataArgs {
    /// Where sessions are saved (default: FLIPOVER_DATA_DIR, else the platform's data folder).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

/// The language of the workshop, the screens and the messages.
#[derive(Args, Debug, Default, Clone)]
pub struct LangArgs {
    /// Language of the workshop, the screens and the messages (default: the
    /// workshop's or session's own, else da).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

/// What a full-screen view needs: where the sessions are, the language, the colours.
#[derive(Args, Debug, Default, Clone)]
pub struct ScreenArgs {
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub lang: LangArgs,
    /// Colours: dark or light high contrast, or the terminal's own (default: the
    /// config file's `theme`, else dark).
    #[arg(long, value_enum)]
    pub theme: Option<ThemeName>,
}

/// The console's options: a screen, and whether to save.
#[derive(Args, Debug, Default, Clone)]
pub struct ConsoleArgs {
    #[command(flatten)]
    pub screen: ScreenArgs,
    /// Rehearse: run without saving anything. Rehearsing a workshop file,
    /// saving the file in an editor reloads it on screen.
    #[arg(long)]
    pub rehearse: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Start a new session of a workshop.
    #[command(
        after_help = "Examples:\n  flipover run\n  flipover run topledelsens-tjek --lang en\n  \
                            flipover run workshops/kommune.toml --rehearse"
    )]
    Run {
        /// A shipped workshop's id (see the launcher), an id in ./workshops, or
        /// the path of a workshop file [default: 3-timers-workshop].
        #[arg(value_name = "WORKSHOP")]
        workshop: Option<String>,
        /// Whom the session is for (a team, a client): `sessions` shows it, and
        /// resume, follow and export find the session by it.
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        console: ConsoleArgs,
    },
    /// Continue a session, clock and position included.
    #[command(
        after_help = "Examples:\n  flipover resume\n  flipover resume 2026-03-12-0900-kommune"
    )]
    Resume {
        /// A session's id (see `flipover sessions`) or folder [default: the latest].
        #[arg(value_name = "SESSION")]
        session: Option<String>,
        #[command(flatten)]
        console: ConsoleArgs,
    },
    /// The room view for a second screen: follows a running session, read-only.
    #[command(after_help = "Example, with the console in another window:\n  flipover follow")]
    Follow {
        /// A session's id or folder [default: the session a console has open,
        /// else the latest].
        #[arg(value_name = "SESSION")]
        session: Option<String>,
        #[command(flatten)]
        screen: ScreenArgs,
    },
    /// List sessions: id, name, workshop, date, progress.
    Sessions {
        /// Archived sessions too.
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        data: DataArgs,
        #[command(flatten)]
        lang: LangArgs,
    },
    /// Name a session after the team or client it was for.
    Rename {
        /// A session's id, name or folder, or the beginning of an id or name.
        #[arg(value_name = "SESSION")]
        session: String,
        name: String,
        #[command(flatten)]
        data: DataArgs,
        #[command(flatten)]
        lang: LangArgs,
    },
    /// Put a session away: out of `sessions` and never the default (`--undo`
    /// brings it back); nothing is deleted.
    Archive {
        #[arg(value_name = "SESSION")]
        session: String,
        #[arg(long)]
        undo: bool,
        #[command(flatten)]
        data: DataArgs,
        #[command(flatten)]
        lang: LangArgs,
    },
    /// Delete a session folder for good (asks first).
    Delete {
        #[arg(value_name = "SESSION")]
        session: String,
        /// Do not ask.
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        data: DataArgs,
        #[command(flatten)]
        lang: LangArgs,
    },
    /// Write the report of a session (default: the open one, else the latest)
    /// into its folder's `report/`: Markdown, self-contained HTML, CSV for
    /// spreadsheets (`;`-separated in Danish, `,` in English), or JSON.
    Export {
        /// A session's id (see `flipover sessions`) or folder [default: the
        /// open one, else the latest].
        #[arg(value_name = "SESSION")]
        session: Option<String>,
        /// The formats, comma-separated or repeated (default: `report_formats`
        /// in config.toml, else md).
        #[arg(short, long, value_enum, value_delimiter = ',')]
        format: Vec<crate::export::Format>,
        /// Every format: md, html, csv and json.
        #[arg(long, conflicts_with = "format")]
        all: bool,
        /// Where to write: a file for one format other than csv (`-` for
        /// standard output), else a folder.
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        #[command(flatten)]
        data: DataArgs,
        #[command(flatten)]
        lang: LangArgs,
    },
    /// Check content and workshop files: every problem as path:line:col.
    #[command(
        after_help = "Exit status: 0 no problems, 1 problems found, 2 flipover could not run.\n\n\
                            Examples:\n  flipover check\n  flipover check workshops/kommune.toml content/"
    )]
    Check {
        /// Files or folders to check, besides the shipped files and ./content
        /// and ./workshops [default: just those].
        #[arg(value_name = "PATHS")]
        paths: Vec<PathBuf>,
    },
    /// Write a new workshop file to prepare, from a shipped one, every field explained.
    #[command(
        after_help = "Example:\n  flipover new kommune --from 3-timers-workshop --org \"Kommunen\" \
                            --date 2026-03-12 --start 09:00 --participants 14\n\n\
                            The file goes to ./workshops/NAME.toml, with flipover.schema.json beside it \
                            for editors; it passes `flipover check` as written."
    )]
    New {
        /// The new workshop's id and file name: a–z, 0–9 and -, e.g. kommune-marts.
        #[arg(value_name = "NAME")]
        name: String,
        /// The workshop to start from: a shipped id or the path of a workshop file.
        #[arg(long, value_name = "WORKSHOP", default_value = crate::content::DEFAULT_WORKSHOP)]
        from: String,
        /// The title shown on every screen [default: the original's].
        #[arg(long)]
        title: Option<String>,
        /// Who the workshop is for.
        #[arg(long, value_name = "NAME")]
        org: Option<String>,
        /// The day it runs.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// The time it starts: the guide's clock times count from it.
        #[arg(long, value_name = "HH:MM")]
        start: Option<String>,
        /// How many will be in the room.
        #[arg(long, value_name = "N")]
        participants: Option<u32>,
        /// The folder to write into.
        #[arg(long, value_name = "DIR", default_value = "workshops")]
        dir: PathBuf,
        /// Replace a file of the same name.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        lang: LangArgs,
    },
    /// Print the facilitator's script (drejebog): each step with its clock
    /// times, minutes, purpose, what to say, questions and materials.
    #[command(
        after_help = "Examples:\n  flipover guide 3-timers-workshop --start 09:00 > drejebog.md\n  \
                            flipover guide workshops/kommune.toml --format html > drejebog.html"
    )]
    Guide {
        /// A shipped workshop's id, an id in ./workshops, or the path of a workshop file.
        #[arg(value_name = "WORKSHOP")]
        workshop: String,
        /// Markdown, or HTML ready to print (one page per A4 sheet or two).
        #[arg(long, value_enum, default_value = "md")]
        format: GuideFormat,
        /// The time the workshop starts [default: the file's `start`, else 09:00].
        #[arg(long, value_name = "HH:MM")]
        start: Option<String>,
        #[command(flatten)]
        lang: LangArgs,
    },
    /// Print the JSON Schema of content and workshop files (for editors).
    #[command(after_help = "Example:\n  flipover schema > flipover.schema.json\n\n\
                            A TOML file whose first line is `#:schema ./flipover.schema.json` is then \
                            completed and checked as you type by editors with a TOML language server \
                            (taplo, Even Better TOML).")]
    Schema,
    /// Print shell completions.
    #[command(
        after_help = "Examples:\n  flipover completions bash > ~/.local/share/bash-completion/completions/flipover\n  \
                            flipover completions zsh > ~/.zfunc/_flipover\n  \
                            flipover completions fish > ~/.config/fish/completions/flipover.fish"
    )]
    Completions {
        /// The shell to complete for.
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  flipover man > flipover.1 && man ./flipover.1")]
    Man,
}

/// The guide's output.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum GuideFormat {
    /// Markdown.
    #[default]
    Md,
    /// A self-contained HTML page, ready to print.
    Html,
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

/// The options every command may have, as the command line gave them.
#[derive(Debug, Default, Clone)]
pub struct Settings {
    pub data_dir: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub theme: Option<ThemeName>,
    pub rehearse: bool,
}

impl From<&ScreenArgs> for Settings {
    fn from(s: &ScreenArgs) -> Self {
        Settings {
            data_dir: s.data.data_dir.clone(),
            lang: s.lang.lang,
            theme: s.theme,
            rehearse: false,
        }
    }
}

impl From<&ConsoleArgs> for Settings {
    fn from(c: &ConsoleArgs) -> Self {
        Settings {
            rehearse: c.rehearse,
            ..Settings::from(&c.screen)
        }
    }
}

impl Cli {
    /// The options of the command given (or of the launcher); one given after
    /// the command wins over the same one given before it.
    pub fn settings(&self) -> Settings {
        let before = Settings::from(&self.console);
        let after = self.command_settings();
        Settings {
            data_dir: after.data_dir.or(before.data_dir),
            lang: after.lang.or(before.lang),
            theme: after.theme.or(before.theme),
            rehearse: after.rehearse || before.rehearse,
        }
    }

    fn command_settings(&self) -> Settings {
        match &self.command {
            None => Settings::from(&self.console),
            Some(Command::Run { console, .. } | Command::Resume { console, .. }) => {
                Settings::from(console)
            }
            Some(Command::Follow { screen, .. }) => Settings::from(screen),
            Some(
                Command::Sessions { data, lang, .. }
                | Command::Rename { data, lang, .. }
                | Command::Archive { data, lang, .. }
                | Command::Delete { data, lang, .. }
                | Command::Export { data, lang, .. },
            ) => Settings {
                data_dir: data.data_dir.clone(),
                lang: lang.lang,
                ..Settings::default()
            },
            Some(Command::New { lang, .. } | Command::Guide { lang, .. }) => Settings {
                lang: lang.lang,
                ..Settings::default()
            },
            Some(
                Command::Check { .. }
                | Command::Schema
                | Command::Completions { .. }
                | Command::Man,
            ) => Settings::default(),
        }
    }
}
