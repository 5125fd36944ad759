"""The instructors' and workshop guides: every shell command in them runs, as written, in order.

Each guide's fenced ``bash`` blocks are joined into one script and run with ``bash -e`` in a
sandbox: a home folder of its own holding the course at ``~/dl-medical-imaging`` (the first
notebook, and the real environment, Makefile and package). Three things differ from a real
machine, and only these:

* ``/srv/nbgrader/exchange`` is a folder inside the sandbox (it needs an administrator);
* the guide's ``/etc/jupyter/nbgrader_config.py`` (a ``python`` block) is written to the
  sandbox's ``~/.jupyter/``, the per-user place the guide names as the alternative;
* servers (``make lab``, ``jupyter lab``) are started, waited for until they say where they
  listen, and stopped; ``make lab`` is told not to reinstall (``make -o .venv/.installed``).

Afterwards the test checks that the commands did what the guide says they do.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
from pathlib import Path

import pytest

from course_utils.cli import paths

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FIRST = paths.assignments()[0]
FENCE = re.compile(r"^```(\w*)[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
SERVER = re.compile(r"^(make lab|jupyter lab)\b(.*)$", re.M)
EXCHANGE = "/srv/nbgrader/exchange"

PRELUDE = r"""
set -eo pipefail
serve_check() {  # start a server, wait until it says where it listens, stop it
  local log pid i
  log=$(mktemp)
  if [ "$1" = make ]; then
    setsid make -o .venv/.installed "${@:2}" >"$log" 2>&1 &
  else
    setsid "$@" --ServerApp.open_browser=False $( [ "$(id -u)" = 0 ] && echo --allow-root ) >"$log" 2>&1 &
  fi
  pid=$!
  for i in $(seq 1 180); do
    grep -q "is running at" "$log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  cat "$log" >>"$SERVER_LOG"
  grep -q "is running at" "$log"
}
"""


def guide_blocks(name: str, lang: str = "bash") -> list[str]:
    text = (DOCS / name).read_text(encoding="utf-8")
    return [m.group(2) for m in FENCE.finditer(text) if m.group(1) == lang]


def script_of(name: str, sandbox: Path) -> str:
    body = "\n".join(guide_blocks(name)).replace(EXCHANGE, str(sandbox / "srv" / "exchange"))
    return PRELUDE + SERVER.sub(lambda m: f"serve_check {m.group(1)}{m.group(2)}", body)


@pytest.fixture
def sandbox(tmp_path):
    """A home folder with the course (first notebook only) at ~/dl-medical-imaging."""
    home = tmp_path / "home"
    course = home / "dl-medical-imaging"
    for folder in ("solutions", "notebooks"):
        (course / folder).mkdir(parents=True)
        (course / folder / f"{FIRST}.ipynb").write_bytes((ROOT / folder / f"{FIRST}.ipynb").read_bytes())
    for name in (".venv", "Makefile", "pyproject.toml", "constraints.txt"):
        (course / name).symlink_to(ROOT / name)
    env = {**os.environ, "HOME": str(home), "COURSE_ROOT": str(course), "BROWSER": "true",
           "SERVER_LOG": str(tmp_path / "servers.log"), "JUPYTER_CONFIG_DIR": str(home / ".jupyter")}
    for name in ("JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "VIRTUAL_ENV"):
        env.pop(name, None)
    return tmp_path, home, env


def run_guide(name: str, sandbox) -> subprocess.CompletedProcess:
    tmp_path, home, env = sandbox
    script = tmp_path / f"{name}.sh"
    script.write_text(script_of(name, tmp_path), encoding="utf-8")
    proc = subprocess.run(["bash", str(script)], cwd=home, env=env, capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, f"{name}: a command failed\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    return proc


def test_guides_have_commands_and_only_known_ones():
    """The guides' shell blocks use the course's and nbgrader's commands (nothing that needs sudo or a network)."""
    allowed = {"cd", "source", "course", "nbgrader", "mkdir", "cp", "cat", "make", "jupyter", "true"}
    for name in ("instructors.md", "workshops.md"):
        blocks = guide_blocks(name)
        assert blocks, f"{name} has no shell commands"
        for block in blocks:
            for line in block.splitlines():
                line = line.split("#", 1)[0].strip()
                for command in filter(None, (part.strip() for part in re.split(r"&&|\|\||;", line))):
                    assert command.split()[0] in allowed, f"{name}: {command!r}"


@pytest.mark.notebook
@pytest.mark.xdist_group("docs-instructors")
def test_instructors_guide_runs_as_written(sandbox):
    tmp_path, home, env = sandbox
    configs = guide_blocks("instructors.md", "python")
    assert len(configs) == 1 and configs[0].startswith("# /etc/jupyter/nbgrader_config.py")
    (home / ".jupyter").mkdir(parents=True)
    (home / ".jupyter" / "nbgrader_config.py").write_text(configs[0].replace(EXCHANGE, str(tmp_path / "srv" / "exchange")))

    proc = run_guide("instructors.md", sandbox)

    # rehearsal: the rows the guide says `cat` prints
    text = (DOCS / "instructors.md").read_text(encoding="utf-8")
    for student in ("solution", "blank"):
        row = next(r for r in csv.reader((home / "rehearsal-grades" / "grades.csv").open()) if r[0] == student)
        assert f"`{','.join(row)}`" in text, f"the guide shows another row for {student}: {row}"
        assert ",".join(row) in proc.stdout
    # the exchange round trip: released, fetched, submitted, collected, graded both ways, feedback back
    student = next(p.name for p in (home / "dlmi-instructor" / "submitted").iterdir())
    rows = list(csv.DictReader((home / "grades" / "week1" / "grades.csv").open()))
    assert [(r["student"], r["assignment"], r["score"]) for r in rows] == [(student, FIRST, "0")]
    assert (home / "grades" / "week1" / "feedback" / student / f"{FIRST}.html").is_file()
    assert (home / "grades" / "week1-nbgrader.csv").is_file()
    assert (home / "grades" / "nbgrader-export.csv").read_text().count(FIRST) == 1
    assert list((home / FIRST / "feedback").rglob(f"{FIRST}.html")), "the student fetched no feedback"
    log = Path(env["SERVER_LOG"]).read_text()
    assert "nbgrader.server_extensions.formgrader | extension was successfully loaded" in log


@pytest.mark.notebook
@pytest.mark.xdist_group("docs-workshops")
def test_workshop_guide_runs_as_written(sandbox):
    proc = run_guide("workshops.md", sandbox)
    assert "All synthetic datasets match" in proc.stdout
    assert re.search(r"^Total: (\d+) / \1$", proc.stdout, re.M), "the solution must earn every point"
    assert "is running at" in Path(sandbox[2]["SERVER_LOG"]).read_text()


def test_workshop_times_are_the_measured_ones_and_every_notebook_has_a_row():
    text = (DOCS / "workshops.md").read_text(encoding="utf-8")
    assert "not written yet" not in text, "every notebook of the roadmap exists; the guide says one does not"
    for name in paths.assignments():
        assert f"| {name[:2]} " in text, f"{name} is missing from the table of measured times"
    assert "GRADE_" not in text and "BENCH_" not in text, "a measured figure was never filled in"
    assert "BENCH_" not in (DOCS / "instructors.md").read_text(encoding="utf-8")


def _anchor(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_jupyterhub_guide_is_linked_and_names_only_real_options():
    """docs/jupyterhub.md: linked from the README and the instructors' section 10, its links to
    its own and the instructors' sections resolve, and the options it names exist."""
    from course_utils.cli import build_parser

    text = (DOCS / "jupyterhub.md").read_text(encoding="utf-8")
    assert "docs/jupyterhub.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    instructors = (DOCS / "instructors.md").read_text(encoding="utf-8")
    section10 = instructors[instructors.index("## 10."):instructors.index("## 11.")]
    assert "(jupyterhub.md)" in section10
    for name, doc in (("jupyterhub.md", text), ("instructors.md", instructors)):
        anchors = {_anchor(h) for h in re.findall(r"^#+ (.+)$", doc, flags=re.M)}
        own = re.findall(r"\]\(#([^)]+)\)", doc)
        assert own and not [a for a in own if a not in anchors], f"{name}: broken links {set(own) - anchors}"
    instructor_anchors = {_anchor(h) for h in re.findall(r"^#+ (.+)$", instructors, flags=re.M)}
    for target in re.findall(r"\]\(instructors\.md#([^)]+)\)", text):
        assert target in instructor_anchors, f"jupyterhub.md links to a missing section: {target}"

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for command in ("init-hub", "release-feedback"):
        known = {o for action in sub.choices[command]._actions for o in action.option_strings}
        for line in re.findall(rf"course {command}[^\n`]*", text):
            for option in re.findall(r"(?<![\w-])--[a-z][a-z-]+", line):
                assert option in known, f"jupyterhub.md: course {command} has no {option}"
    for option in re.findall(r"`(--[a-z][a-z-]+)`", text):
        assert any(option in {o for a in sub.choices[c]._actions for o in a.option_strings}
                   for c in ("init-hub", "release-feedback", "grade", "init-instructor")), option
    assert re.search(r"06_cnn_architectures.*\| \d+ MiB \| [\d.]+ s", text), "the measured figures are missing"
