//! Windows: closing the console window. Windows ends the process as soon as
//! the handler for that event returns (and at the latest after about five
//! seconds), and the C runtime's signals do not cover it. (Log-off and
//! shut-down reach a console handler only in a process without `user32.dll`,
//! which crossterm loads; there the journal is what keeps the answers.) So the handler raises the same stop flag as Ctrl-Break and then
//! waits, within that grace, until the event loop has kept the draft, written
//! the snapshot and given the terminal back.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::time::{Duration, Instant};

use windows_sys::Win32::System::Console::{
    CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT, SetConsoleCtrlHandler,
};
use windows_sys::core::BOOL;

/// Under Windows' own limit, so the wait ends before the process is ended.
const GRACE: Duration = Duration::from_millis(4_000);

/// The stop flag of the screen open now (the launcher's, then the console's).
static STOP: Mutex<Option<Arc<AtomicBool>>> = Mutex::new(None);
static DONE: AtomicBool = AtomicBool::new(false);
static REGISTERED: Once = Once::new();

unsafe extern "system" fn handler(event: u32) -> BOOL {
    match event {
        CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => {
            if let Some(stop) = STOP.lock().ok().and_then(|s| s.clone()) {
                stop.store(true, Ordering::Relaxed);
            }
            let start = Instant::now();
            while !DONE.load(Ordering::Relaxed) && start.elapsed() < GRACE {
                std::thread::sleep(Duration::from_millis(20));
            }
            1
        }
        // Ctrl-C and Ctrl-Break: left to the signal handlers.
        _ => 0,
    }
}

/// Raises `stop` when the console closes, and holds the close off until
/// `finished` (or the grace runs out).
pub fn register(stop: &Arc<AtomicBool>) -> std::io::Result<()> {
    if let Ok(mut current) = STOP.lock() {
        *current = Some(Arc::clone(stop));
    }
    DONE.store(false, Ordering::Relaxed);
    let mut result = Ok(());
    REGISTERED.call_once(|| {
        // SAFETY: `handler` is a valid handler routine for the whole life of
        // the process; registering it has no other precondition.
        if unsafe { SetConsoleCtrlHandler(Some(handler), 1) } == 0 {
            result = Err(std::io::Error::last_os_error());
        }
    });
    result
}

/// The answers and the draft are on disk and the terminal is restored: a
/// pending close may go ahead.
pub fn finished() {
    DONE.store(true, Ordering::Relaxed);
}
