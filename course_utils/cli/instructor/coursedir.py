"""``course init-instructor DIR``: a real nbgrader course folder made from ``solutions/``.

The folder holds ``nbgrader_config.py`` (the course's timeouts, output limits, restored test
cells, hidden tests kept out of feedback, and an exchange folder inside DIR), one
``source/<assignment>/`` per course notebook, the generated ``release/`` and the gradebook,
so that instructors can use nbgrader's own commands and the formgrader in JupyterLab.
Running it again on the same folder updates the sources from ``solutions/`` and keeps the
gradebook and everything collected or graded.
"""

from __future__ import annotations

import stat
from pathlib import Path

from .. import nbgrader_course, paths

#: The first line of every ``nbgrader_config.py`` the course writes.
CONFIG_MARKER = nbgrader_course.CONFIG_FILE_TEMPLATE.splitlines()[0]


def starts_with(path: Path, marker: str) -> bool:
    """True when the text file ``path`` begins with ``marker`` (a configuration file the course wrote)."""
    try:
        return path.is_file() and path.read_text(encoding="utf-8").startswith(marker)
    except (OSError, UnicodeDecodeError):
        return False


def _made_by_us(root: Path) -> bool:
    return starts_with(root / "nbgrader_config.py", CONFIG_MARKER)


def _make_exchange(exchange: Path) -> None:
    """Create the exchange folder, writable by every user (students submit into it)."""
    try:
        exchange.mkdir(parents=True, exist_ok=True)
        if stat.S_IMODE(exchange.stat().st_mode) & 0o777 != 0o777:
            exchange.chmod(0o777)
    except OSError as err:
        raise ValueError(f"cannot prepare the exchange folder {exchange} ({err.strerror}); as an administrator run: "
                         f"mkdir -p {exchange} && chmod ugo+rw {exchange}") from None


def init_instructor(root: Path, timeout: int = nbgrader_course.DEFAULT_CELL_TIMEOUT, exchange: Path | None = None,
                    say=print) -> list[str]:
    """Create or update the nbgrader course folder ``root``; return the assignments in it.

    ``exchange`` is nbgrader's exchange folder (default ``root/exchange``); on a shared server
    it is the one every student's nbgrader configuration names, e.g. ``/srv/nbgrader/exchange``.
    """
    root = Path(root).expanduser()
    if root.exists() and not root.is_dir():
        raise ValueError(f"{root} is a file; choose a folder for the nbgrader course")
    if root.is_dir() and any(root.iterdir()) and not _made_by_us(root):
        raise ValueError(f"{root} already holds files and is not a course folder made by `course init-instructor`; "
                         "choose a new or empty folder")
    names = paths.assignments()
    if not names:
        raise ValueError(f"no course notebooks in {paths.solutions_dir()}")
    updating = root.is_dir() and _made_by_us(root)
    exchange = Path(exchange).expanduser().absolute() if exchange else root.absolute() / "exchange"
    root.mkdir(parents=True, exist_ok=True)
    _make_exchange(exchange)
    nbgrader_course.write_config_file(root, timeout, exchange)
    api = nbgrader_course.make_api(root, timeout=timeout, exchange=exchange)
    for name in names:
        nbgrader_course.add_source(root, name)
        nbgrader_course.run_checked(api.generate_assignment(name, force=True), f"generate {name}")
    say(f"{'Updated' if updating else 'Created'} the nbgrader course folder {root}:")
    say(f"  nbgrader_config.py  course id dl-medical-imaging, {timeout} s per cell, exchange {exchange}")
    say(f"  source/, release/   {', '.join(names)}")
    say(f"  gradebook.db        the gradebook (nbgrader's SQLite database)")
    say(f"Next: cd {root} and run nbgrader's commands there, or `jupyter lab` for the formgrader "
        "(see docs/instructors.md).")
    return names
