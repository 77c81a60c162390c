//! `flipover check`: every problem in the given files (or the shipped and
//! local ones) on stderr as path:line:col; exit 1 if there is any.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::content::Library;

/// `flipover check`: every problem on stderr as path:line:col; exit 1 if any.
pub fn run(paths: &[PathBuf]) -> ExitCode {
    let (library, problems) = Library::load(paths);
    for p in &problems {
        eprintln!("{p}");
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
        println!("ok: {n} workshops and {c} content files, no problems");
        ExitCode::SUCCESS
    } else {
        eprintln!("{} problem(s)", problems.len());
        ExitCode::from(1)
    }
}
