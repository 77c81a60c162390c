//! `flipover completions SHELL` and `flipover man`: the command line described
//! for shells and for `man`, generated from the clap definitions in `cli`, so
//! they list exactly the commands and options there are.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::Cli;

/// Prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    let mut cmd = Cli::command();
    // Into memory first: clap_complete panics on a closed stdout (`| head`).
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "flipover", &mut out);
    write_out(&out)
}

/// Writes `bytes` to stdout; a reader that stopped early is not an error.
fn write_out(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    match std::io::stdout().write_all(bytes) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// Prints the manual page (roff): the command, its options, its commands,
/// examples and the environment.
pub fn man() -> anyhow::Result<ExitCode> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    write_out(&out)
}
