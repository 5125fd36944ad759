"""Learner-side JupyterLab settings for the course's environment.

``make`` runs ``python -m course_utils.cli.labsetup`` right after installing the packages.
It writes two files into the environment's JupyterLab settings folder
(``<prefix>/share/jupyter/lab/settings/``, ``<prefix>`` being the virtual environment), so
that every JupyterLab started from it, ``make lab`` included, looks the same for every learner:

* ``page_config.json``: nbgrader's instructor plugins are disabled (the *Formgrader*, *Create
  Assignment* and *Courses* panels), and so are the *Assignments* panel and the *Nbgrader* menu
  that opens it, which need an nbgrader exchange that a laptop does not have (``--exchange``
  keeps them, for a shared server that has one). The *Validate* button stays: it is the
  learner's own quick check.
* ``overrides.json``: JupyterLab never asks whether to fetch news and never checks for
  updates (the course runs offline).

This folder is the *lowest*-priority place JupyterLab reads plugin switches from (unlike
``jupyter labextension disable --level=sys-prefix``, which in a virtual environment outranks
the per-user level and locks the plugins). So an instructor turns the plugins back on for
their own account, and for nobody else, with one command::

    course lab-setup --instructor

which writes ``disabledExtensions: {plugin: false}`` into the user's
``~/.jupyter/labconfig/page_config.json`` (``$JUPYTER_CONFIG_DIR`` if set);
``course lab-setup --no-instructor`` removes it again. Every file is merged, not overwritten:
other keys in it are kept, and running a step again changes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

#: nbgrader's instructor plugins.
INSTRUCTOR_PLUGINS: tuple[str, ...] = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:course-list",
)
#: The *Assignments* panel (fetch, submit) and the *Nbgrader* menu that opens it. Without an
#: exchange (a laptop) the panel shows only "Error fetching courses!" and "The exchange directory
#: does not exist": off, unless the environment serves a class through an exchange (``--exchange``).
EXCHANGE_PLUGINS: tuple[str, ...] = (
    "@jupyter/nbgrader:menu",
    "@jupyter/nbgrader:assignment-list",
)

#: Kept for learners: the notebook toolbar's *Validate* button.
LEARNER_PLUGINS: tuple[str, ...] = ("@jupyter/nbgrader:validate-assignment",)

#: JupyterLab settings every learner gets (``overrides.json`` of the environment).
SETTINGS_OVERRIDES: dict[str, dict] = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}


def settings_dir(prefix: str | Path = sys.prefix) -> Path:
    """JupyterLab's application settings folder of the environment at ``prefix``."""
    return Path(prefix) / "share" / "jupyter" / "lab" / "settings"


def page_config_path(prefix: str | Path = sys.prefix) -> Path:
    """The environment's application-level ``page_config.json`` (lowest-priority plugin switches)."""
    return settings_dir(prefix) / "page_config.json"


def overrides_path(prefix: str | Path = sys.prefix) -> Path:
    """The environment's JupyterLab ``overrides.json`` (default values of settings)."""
    return settings_dir(prefix) / "overrides.json"


def _read_json(path: Path) -> dict:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
    except json.JSONDecodeError as err:
        raise SystemExit(f"{path} is not valid JSON ({err}); fix or delete it, then run this again") from None
    if not isinstance(data, dict):
        raise SystemExit(f"{path} should hold a JSON object; fix or delete it, then run this again")
    return data


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def install(prefix: str | Path = sys.prefix, exchange: bool = False) -> list[Path]:
    """Write the learner set-up into the environment at ``prefix``; return the two files' paths.

    ``exchange=True`` keeps the *Assignments* panel and its menu for everyone (a shared server
    with an nbgrader exchange). Idempotent.
    """
    page = page_config_path(prefix)
    config = _read_json(page)
    # JupyterLab reads this file's ``disabledExtensions`` as a list (or the keys of a mapping),
    # every entry disabled.
    ours = INSTRUCTOR_PLUGINS + EXCHANGE_PLUGINS + LEARNER_PLUGINS
    disabled = [name for name in config.get("disabledExtensions", []) if name not in ours]
    disabled += INSTRUCTOR_PLUGINS if exchange else INSTRUCTOR_PLUGINS + EXCHANGE_PLUGINS
    config["disabledExtensions"] = sorted(disabled)
    _write_json(page, config)

    overrides = overrides_path(prefix)
    settings = _read_json(overrides)
    for plugin, values in SETTINGS_OVERRIDES.items():
        settings.setdefault(plugin, {}).update(values)
    _write_json(overrides, settings)
    return [page, overrides]


def user_page_config_path() -> Path:
    """The user's ``labconfig/page_config.json`` (``~/.jupyter`` or ``$JUPYTER_CONFIG_DIR``)."""
    from jupyter_core.paths import jupyter_config_dir

    return Path(jupyter_config_dir()) / "labconfig" / "page_config.json"


def switch_plugins(path: Path, disabled: dict[str, bool | None]) -> Path:
    """Merge plugin switches into the ``labconfig/page_config.json`` at ``path``; return ``path``.

    ``disabled`` maps a plugin to ``True`` (off), ``False`` (on, whatever lower levels say) or
    ``None`` (no switch at this level: the lower levels decide). Other keys are kept.
    """
    config = _read_json(path)
    current = config.get("disabledExtensions", {})
    if isinstance(current, list):
        current = {name: True for name in current}
    for plugin, off in disabled.items():
        if off is None:
            current.pop(plugin, None)
        else:
            current[plugin] = off
    config["disabledExtensions"] = current
    _write_json(path, config)
    return path


def role_switches(instructor: bool) -> dict[str, bool]:
    """Plugin switches of a role on a shared server with an exchange (``course init-hub``).

    The instructor gets every nbgrader panel; a student gets the *Assignments* panel, its menu
    and *Validate*, and none of the instructor's panels.
    """
    switches = {plugin: False for plugin in EXCHANGE_PLUGINS + LEARNER_PLUGINS}
    switches.update({plugin: not instructor for plugin in INSTRUCTOR_PLUGINS})
    return switches


def write_role_config(config_dir: Path, instructor: bool) -> Path:
    """Write a role's switches into ``config_dir/labconfig/page_config.json`` (a folder on the
    ``JUPYTER_CONFIG_PATH`` of that role's servers); return the file."""
    return switch_plugins(Path(config_dir) / "labconfig" / "page_config.json", role_switches(instructor))


def set_instructor_for_user(on: bool = True) -> Path:
    """Turn nbgrader's instructor plugins on (``on=True``) or back to the environment's default
    for the current user only; returns the file written."""
    return switch_plugins(user_page_config_path(),
                          {plugin: False if on else None for plugin in INSTRUCTOR_PLUGINS + EXCHANGE_PLUGINS})


def _run(args) -> int:
    if args.instructor is None:
        for path in install(args.prefix, exchange=args.exchange):
            print(f"JupyterLab settings: {path}")
        kept = "; the Assignments panel on (exchange)" if args.exchange else ""
        print(f"learner set-up: nbgrader's instructor plugins off{kept}, no news pop-up "
              "(turn them on for yourself with: course lab-setup --instructor)")
    else:
        path = set_instructor_for_user(args.instructor)
        state = "on" if args.instructor else "back to the course default (off)"
        print(f"nbgrader's instructor plugins (Formgrader, Create Assignment, Courses, Nbgrader menu, "
              f"Assignments) for you: {state}; written to {path}. Restart JupyterLab to see it.")
    return 0


def _configure(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--instructor", dest="instructor", action="store_const", const=True, default=None,
                       help="turn nbgrader's instructor plugins (Formgrader, Create Assignment, ...) on for "
                            "you only (your ~/.jupyter); the environment stays as learners have it")
    group.add_argument("--no-instructor", dest="instructor", action="store_const", const=False,
                       help="undo --instructor for you")
    p.add_argument("--exchange", action="store_true",
                   help="keep the Assignments panel (fetch/submit) for everyone: only for a shared server "
                        "whose nbgrader exchange is set up")
    p.add_argument("--prefix", default=sys.prefix, help=argparse.SUPPRESS)
    p.set_defaults(func=_run)


def add_parser(sub) -> None:
    """Register ``course lab-setup`` with the ``course`` command."""
    _configure(sub.add_parser("lab-setup", help="JupyterLab as learners get it (what make runs); "
                                                 "--instructor turns the formgrader on for you"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course_utils.cli.labsetup",
                                     description="Learner-side JupyterLab settings for the course's environment.")
    _configure(parser)
    args = parser.parse_args(argv)
    return _run(args)


if __name__ == "__main__":
    sys.exit(main())
