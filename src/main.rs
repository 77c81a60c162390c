//! flipover's binary: parse the command line and run the command. The work is
//! in the library (`flipover::commands`).

use std::process::ExitCode;

use std::io::Write;

use clap::Parser;

fn main() -> ExitCode {
    let cli = flipover::cli::Cli::parse();
    match flipover::commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            // The chain printed once, cleaned: a message may quote a file.
            let message = format!("flipover: {e:#}");
            let _ = writeln!(std::io::stderr(), "{}", flipover::text::clean(&message));
            ExitCode::from(2)
        }
    }
}
