#!/usr/bin/env python3
"""Start to first frame, in a pseudo-terminal: flipover against a bare ratatui
program (examples/first_frame.rs) on the same machine, in the same run.

    cargo build --release --examples --bins
    python3 benches/first_frame.py [runs]

Each run spawns the program in a 120x40 pty, and the clock stops when its output
holds "Trin 1/" (the first step's header, or the bare program's one line);
then a key ends it. Prints the median and the 90th percentile of each.
"""
import fcntl, os, pty, re, select, statistics, struct, sys, tempfile, termios, time

ROOT = os.environ.get("FLIPOVER_ROOT") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
FIRST = re.compile(rb"Trin(?: |\x1b\[\d+;\d+H)1/")
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 30


def first_frame(argv, env):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        # The size is set before the program starts, as a terminal window has it.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.execve(argv[0], argv, env)
    seen = b""
    elapsed = None
    while elapsed is None:
        r, _, _ = select.select([fd], [], [], 5)
        if not r:
            break
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
        # ratatui skips blank cells: "Trin" and "1/" may have a cursor move between.
        if FIRST.search(seen):
            elapsed = (time.perf_counter() - start) * 1000
    # Any key ends both programs (flipover: q quits; the launcher is not used).
    os.write(fd, b"q")
    try:
        while select.select([fd], [], [], 2)[0] and os.read(fd, 65536):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed


def main():
    bare = [os.path.join(TARGET, "release/examples/first_frame")]
    data = tempfile.mkdtemp()
    env = dict(os.environ, TERM="xterm-256color", FLIPOVER_DATA_DIR=data)
    flip = [os.path.join(TARGET, "release/flipover"), "run"]
    rows = []
    for name, argv in [("bare ratatui", bare), ("flipover run", flip), ("flipover run --rehearse", flip + ["--rehearse"])]:
        times = sorted(t for t in (first_frame(argv, env) for _ in range(RUNS)) if t is not None)
        p90 = times[int(len(times) * 0.9) - 1]
        rows.append((name, statistics.median(times), p90, len(times)))
    for name, med, p90, n in rows:
        print(f"{name:26} median {med:6.1f} ms   p90 {p90:6.1f} ms   ({n} runs)")


if __name__ == "__main__":
    main()
