"""Configure the environment's IPython kernels for the course.

Writes ``<prefix>/etc/ipython/ipython_kernel_config.py`` setting
``IPKernelApp.capture_fd_output = False``, so that messages compiled libraries write
straight to the process's stderr (TensorFlow's start-up notices) go to the terminal that
runs Jupyter instead of into cell outputs and graded notebooks. Every kernel started from
this environment (JupyterLab, nbgrader, the tests) reads it. Run by ``make``:
``python -m course_utils.cli.kernel``.
"""

from __future__ import annotations

import sys
from pathlib import Path

CONFIG = """\
# Written by `python -m course_utils.cli.kernel` (run by `make`).
# Keep output that compiled libraries write to the process's stderr out of cell outputs.
c = get_config()  # noqa: F821
c.IPKernelApp.capture_fd_output = False
# The kernel's own start-up warnings (e.g. about local TCP transport) are not for learners.
c.IPKernelApp.log_level = "ERROR"
"""


def install(prefix: str = sys.prefix) -> Path:
    """Write the kernel configuration into the environment at ``prefix``; return its path."""
    path = Path(prefix) / "etc" / "ipython" / "ipython_kernel_config.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(CONFIG, encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"kernel configuration: {install()}")
