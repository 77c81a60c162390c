//! The real binary in a pseudo-terminal, read through a terminal emulator
//! (ratatui writes cursor-addressed diffs, so stream matchers cannot read it).
//! Shared by the end-to-end tests and the crash test.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

pub const PAGE_DOWN: &str = "\x1b[6~";
/// Long enough for a slow CI machine; the waits end as soon as the text shows.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct Console {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// Closed by the reader thread once the terminal has nothing more to say.
    drained: mpsc::Receiver<()>,
}

impl Console {
    pub fn start(args: &[&str], data: &Path) -> Self {
        Self::sized(args, data, 80, 24)
    }

    pub fn sized(args: &[&str], data: &Path, cols: u16, rows: u16) -> Self {
        Self::in_dir(args, data, data, cols, rows)
    }

    /// Started in the folder `cwd` (whose `content/` and `workshops/` load too).
    pub fn in_dir(args: &[&str], data: &Path, cwd: &Path, cols: u16, rows: u16) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_flipover"));
        cmd.args(args);
        cmd.env("FLIPOVER_DATA_DIR", data);
        // The settings of whoever runs the tests never reach them: a test that
        // wants settings writes `config.toml` into its data folder.
        cmd.env("FLIPOVER_CONFIG", data.join("config.toml"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        // By default a folder without content/ or workshops/, so only the
        // shipped files load.
        cmd.cwd(cwd);
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(rows).expect("rows"),
            std::num::NonZero::new(cols).expect("columns"),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (s, r) = (Arc::clone(&screen), Arc::clone(&raw));
        let (done, drained) = mpsc::channel::<()>();
        std::thread::spawn(move || {
            let _done = done;
            let _master = pty.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = s.lock() {
                    p.process(&buf[..n]);
                }
                if let Ok(mut v) = r.lock() {
                    v.extend_from_slice(&buf[..n]);
                }
            }
        });
        Self {
            child,
            writer,
            screen,
            raw,
            drained,
        }
    }

    pub fn contents(&self) -> String {
        self.screen
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Waits until `text` is on the screen; fails with the screen if it never is.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never saw {text:?} on the screen:\n{}", self.contents());
    }

    /// Waits until the bytes written so far contain `needle` (the reader
    /// thread may still be draining the pty after the process exited).
    pub fn wrote(&self, needle: &str) -> bool {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            let raw = self.raw.lock().map(|v| v.clone()).unwrap_or_default();
            if String::from_utf8_lossy(&raw).contains(needle) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    /// From the welcome to the now/future board, by clicker keys.
    pub fn walk_to_board(&mut self) {
        self.wait_for("Trin 1/9");
        self.send(PAGE_DOWN);
        self.wait_for("Trin 2/9");
        self.send(PAGE_DOWN);
        self.wait_for("Nu-situationen");
    }

    pub fn signal(&self, sig: &str) {
        let pid = self.child.process_id().expect("pid").to_string();
        let ok = std::process::Command::new("kill")
            .args([sig, &pid])
            .status()
            .expect("kill")
            .success();
        assert!(ok, "kill {sig} {pid}");
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("flipover did not exit:\n{}", self.contents());
    }

    /// The screen once the program has exited and its output is all read
    /// (the reader ends at EOF, when the child's side of the pty is closed).
    pub fn final_contents(&self) -> String {
        let _ = self.drained.recv_timeout(PATIENCE);
        self.contents()
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap_or(0)
    }

    /// Forgets what is on the emulated screen, so a later `wait_for` sees
    /// only what is drawn from now on.
    pub fn clear_screen(&self) {
        if let Ok(mut p) = self.screen.lock() {
            p.process(b"\x1b[2J\x1b[H");
        }
    }
}
