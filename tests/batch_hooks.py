"""Test-only job functions for batch workers, chosen by the input's name.

The pool sends its job function to the workers by reference, so a test that replaces
``policyparse.batch.jobs.run_job`` with :func:`hooked_job` reaches the worker processes
too; nothing of this is in the library. ``python -c 'from tests.batch_hooks import main;
main()' batch …`` runs the command line with the hook in place (for tests that kill it).

- ``*die*``: the worker kills itself with SIGKILL (as the OOM killer would);
- ``*sleep*``: the job sleeps far past any test's ``--timeout``;
- ``*hog*``: the job asks for 8 GB (a MemoryError under ``--max-memory``);
- ``POLICYPARSE_TEST_MARKS``: a folder where each job leaves a file when it starts;
- ``POLICYPARSE_TEST_DELAY``: seconds each job waits before it runs.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from policyparse.batch.jobs import Job, Outcome
from policyparse.batch.jobs import run_job as real_run_job


def hooked_job(job: Job) -> Outcome:
    name = Path(job.source).name
    marks = os.environ.get("POLICYPARSE_TEST_MARKS")
    if marks:
        (Path(marks) / f"{os.getpid()}-{name}").touch()
    time.sleep(float(os.environ.get("POLICYPARSE_TEST_DELAY", "0")))
    if "die" in name:
        os.kill(os.getpid(), signal.SIGKILL)
    if "sleep" in name:
        time.sleep(600)
    if "hog" in name:
        hog = bytearray(8 * 1024**3)
        del hog
    return real_run_job(job)


def main() -> None:
    from policyparse.batch import jobs
    from policyparse.cli import main as cli

    jobs.run_job = hooked_job  # type: ignore[assignment]
    sys.argv[0] = "policyparse"
    cli()
