//! `flipover check`: every problem in the given files (or the shipped and
//! local ones) on stderr as path:line:col; exit 1 if there is any.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::content::Library;

/// `flipover check`: every problem on stderr as path:line:col; exit 1 if any.
pub fn run(paths: &[PathBuf]) -> ExitCode {
    let (library, problems) = Library::load(paths);
    // Problems print themselves cleaned; a closed pipe ends the output quietly.
    let mut err = std::io::stderr().lock();
    for p in &problems {
        let _ = writeln!(err, "{p}");
    }
    if problems.is_empty() {
        let n: usize = ["da", "en"]
            .iter()
            .map(|l| library.workshops(l).count())
            .sum();
        let c: usize = ["da", "en"]
            .iter()
            .map(|l| library.contents(l).count())
            .sum();
        let _ = writeln!(
            std::io::stdout(),
            "ok: {n} workshops and {c} content files, no problems"
        );
        ExitCode::SUCCESS
    } else {
        let _ = writeln!(err, "{} problem(s)", problems.len());
        ExitCode::from(1)
    }
}
