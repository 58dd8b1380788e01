#!/usr/bin/env python3
"""Drives chitieu in a pseudo-terminal and prints what it measured, one `key value` a line.

Used by scripts/measure.sh. Only the standard library (pty, select, os.wait4):

    MEASURE_STORE=STORE ptydrive.py COLS ROWS -- CHITIEU ARGS...

MEASURE_STORE names the store the program saves to: the script watches it to tell a save from
the sharp-change question, which needs a second Enter (without it the form would stay open and
the closing `q` would be typed into it).

A frame is "done" when the program has written nothing more for QUIET seconds; the time of a
frame is that of its last byte.
"""
import os
import pty
import select
import struct
import sys
import termios
import fcntl
import time

QUIET = 0.15
DOWN = b"\x1b[B"
UP = b"\x1b[A"


def main():
    if not os.environ.get("MEASURE_STORE"):
        sys.exit("ptydrive.py: set MEASURE_STORE to the store file the program saves to")
    cols, rows = int(sys.argv[1]), int(sys.argv[2])
    argv = sys.argv[sys.argv.index("--") + 1:]
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.execvp(argv[0], argv)

    def drain(timeout=QUIET, first_timeout=10.0):
        """Reads until quiet; returns (bytes, time of the last byte or None)."""
        got = 0
        last = None
        wait = first_timeout
        while True:
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                return got, last
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return got, last
            if not chunk:
                return got, last
            got += len(chunk)
            last = time.perf_counter()
            wait = timeout

    def key(data, first_timeout=10.0):
        sent = time.perf_counter()
        os.write(fd, data)
        got, last = drain(first_timeout=first_timeout)
        return got, ((last - sent) if last else None)

    got, last = drain()
    print("first_frame_bytes", got)
    print("first_frame_ms", round((last - start) * 1000, 2))

    # Cursor moves: down and up in turn, so the selection stays near the top.
    moves = [key(DOWN if i % 2 == 0 else UP) for i in range(20)]
    print("move_bytes_avg", round(sum(b for b, _ in moves) / len(moves), 1))
    print("move_bytes_max", max(b for b, _ in moves))
    print("move_ms_median", round(sorted(t for _, t in moves)[len(moves) // 2] * 1000, 2))

    # Filter keystrokes: '/', then letters, each one frame.
    key(b"/")
    typed = [key(c.encode()) for c in "nong"]
    print("filter_key_ms_median", round(sorted(t for _, t in typed)[len(typed) // 2] * 1000, 2))
    print("filter_key_ms_max", round(max(t for _, t in typed) * 1000, 2))
    print("filter_key_bytes_avg", round(sum(b for b, _ in typed) / len(typed), 1))
    key(b"\x1b")  # Esc: leave the filter (clears it)
    key(b"\x1b")  # Esc in browse: clear filters

    # An edit at the selected row: Enter opens the form, a value, Enter saves.
    edit_bytes = 0
    b, _ = key(b"\r")
    edit_bytes += b
    typed_value = [key(c.encode()) for c in "12"]
    edit_bytes += sum(b for b, _ in typed_value)
    store = os.environ.get("MEASURE_STORE")
    size = os.stat(store).st_size if store else None
    b, save = key(b"\r")
    if store and os.stat(store).st_size == size:
        # Not saved: the value was far from the previous period's and the form asks for
        # Enter again to take it.
        b, save = key(b"\r")
        print("sharp_change_confirmed", 1)
    edit_bytes += b
    print("edit_open_bytes", edit_bytes - sum(x for x, _ in typed_value) - b)
    print("edit_key_bytes_avg", round(sum(x for x, _ in typed_value) / len(typed_value), 1))
    print("edit_save_bytes", b)
    print("edit_total_bytes", edit_bytes)
    print("save_to_frame_ms", round(save * 1000, 2) if save else "none")

    os.write(fd, b"q")
    drain()
    # Peak memory is not taken from wait4 here: the child began as a fork of this Python
    # process, whose own 10 MB would count. measure.sh runs chitieu under /usr/bin/time.
    _, status = os.waitpid(pid, 0)
    print("exit_status", status)


if __name__ == "__main__":
    main()
