"""``make lock``: rewrite constraints.txt from the packages installed in this environment.

TensorFlow is pinned twice with environment markers: ``tensorflow-cpu`` on Linux x86-64 (half
the download) and ``tensorflow`` elsewhere, at the same version. Update environment.yml to
match afterwards (``tests/test_environment.py`` checks that they agree).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HEADER = (
    "# Exact versions of every package the course installs (Python 3.11, Linux x86-64).\n"
    "# make, environment.yml and the tests read this file; regenerate it with 'make lock'.\n"
)
TF_CPU = 'sys_platform == "linux" and platform_machine == "x86_64"'
TF_OTHER = 'sys_platform != "linux" or platform_machine != "x86_64"'


def constraints_text(freeze_lines: list[str]) -> str:
    """constraints.txt content for the lines of ``pip freeze --exclude-editable``."""
    lines = []
    for line in freeze_lines:
        line = line.strip()
        if not line or line.startswith(("#", "-e")) or "==" not in line:
            continue
        match = re.match(r"^tensorflow[-_]cpu==(.+)$", line)
        if match:
            lines += [f"tensorflow-cpu=={match.group(1)} ; {TF_CPU}", f"tensorflow=={match.group(1)} ; {TF_OTHER}"]
        else:
            lines.append(line)
    return HEADER + "\n".join(lines) + "\n"


def main() -> int:
    freeze = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
                            check=True, capture_output=True, text=True).stdout.splitlines()
    path = Path(__file__).resolve().parents[2] / "constraints.txt"
    path.write_text(constraints_text(freeze), encoding="utf-8")
    print(f"wrote {path}; now update environment.yml to the same versions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
