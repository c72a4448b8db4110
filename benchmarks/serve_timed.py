#!/usr/bin/env python3
"""``streamlit run`` with every script run timed on the server, for benchmarks/load_sessions.py.

    .venv/bin/python benchmarks/serve_timed.py RUNLOG -- app.py --server.port=8790 ...

Appends one line per script run to RUNLOG: the wall-clock end time and the run's duration in
milliseconds (the page's Python work, from the start of the rerun to its end, on the server). It
wraps ``ScriptRunner._run_script`` — a private method of Streamlit 1.67; if a later version
renames it, this fails at start-up rather than measuring nothing.
"""

from __future__ import annotations

import sys
import threading
import time


def main(argv: list[str]) -> None:
    log_path, rest = argv[0], argv[argv.index("--") + 1:]
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.web import cli

    original = script_runner.ScriptRunner._run_script
    lock = threading.Lock()

    def timed(self, rerun_data):  # noqa: ANN001 - Streamlit's private signature
        t0 = time.perf_counter()
        try:
            return original(self, rerun_data)
        finally:
            line = f"{time.time():.3f} {(time.perf_counter() - t0) * 1e3:.2f}\n"
            with lock, open(log_path, "a", encoding="ascii") as f:
                f.write(line)

    script_runner.ScriptRunner._run_script = timed
    sys.argv = ["streamlit", "run", *rest]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
