//! flipover's binary: parse the command line and run the command. The work is
//! in the library (`flipover::commands`).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = flipover::cli::Cli::parse();
    match flipover::commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("flipover: {e:#}");
            ExitCode::from(2)
        }
    }
}
