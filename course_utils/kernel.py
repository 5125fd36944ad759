"""Install the course's Jupyter kernel spec into the active environment.

The spec is ipykernel's own, plus ``--IPKernelApp.capture_fd_output=False`` so that
messages written by compiled libraries straight to the process's stderr (TensorFlow's
start-up notices) go to the terminal that runs Jupyter instead of into cell outputs.
Run by ``make``: ``python -m course_utils.kernel``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

KERNEL_ARGS = ["--IPKernelApp.capture_fd_output=False"]


def install(prefix: str = sys.prefix) -> Path:
    """Write ``<prefix>/share/jupyter/kernels/python3/kernel.json``; return its path."""
    spec_dir = Path(prefix) / "share" / "jupyter" / "kernels" / "python3"
    spec_dir.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": ["python", "-m", "ipykernel_launcher", "-f", "{connection_file}", *KERNEL_ARGS],
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "metadata": {"debugger": True},
        "kernel_protocol_version": "5.5",
    }
    path = spec_dir / "kernel.json"
    path.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"kernel spec: {install()}")
