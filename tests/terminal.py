"""A command run with its standard error on a pseudo-terminal, for tests of the progress bar.

The terminal is read while the command runs: a bar redrawn often (a slow, busy machine) can
write more than a terminal buffers, and a command whose terminal is not read then waits on it
for ever.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Sequence
from pathlib import Path


def run_on_terminal(
    command: Sequence[str], cwd: Path, timeout: float
) -> tuple[subprocess.CompletedProcess[bytes], bytes]:
    """Run `command` (stdout captured, stderr on a terminal 100 columns wide): its result and
    everything it drew on the terminal."""
    import pty

    master, slave = pty.openpty()
    drawn: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed: everything has been read
                return
            if not chunk:
                return
            drawn.append(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        done = subprocess.run(
            list(command),
            stdout=subprocess.PIPE,
            stderr=slave,
            check=False,
            cwd=cwd,
            env={**os.environ, "TERM": "xterm", "COLUMNS": "100"},
            timeout=timeout,
        )
    finally:
        os.close(slave)
        reader.join(timeout=10)
        os.close(master)
    return done, b"".join(drawn)
