"""Every notebook, opened and run in JupyterLab in headless Chromium, as a learner would.

The course's own JupyterLab (the command line ``make lab`` runs, on a free port of 127.0.0.1
with a token) serves ``notebooks/``; Playwright drives Debian's Chromium. For each release
notebook the test clicks *Run > Run All Cells* and checks what the learner sees:

* the page opens with no pop-up (no "news" notification, no dialog) and none of nbgrader's
  instructor UI (Formgrader, Create Assignment, Courses, the Nbgrader menu), while the
  *Validate* button is there;
* the unanswered notebook's first error is the exercise's own message ("Exercise N.M (...) is
  not done yet", or the ``needs()`` guard's "finish Exercise N.M first");
* a solved copy (the release with the solutions' answer cells, built in a temporary folder and
  served by a second server) runs to the end with no error output, and every widget it displays
  renders (no "Error displaying widget").

A widget with a drop-down menu (presets) is tried with each option: its size and its images'
sizes must not change (no layout jump). JupyterLab's terminal starts in ``notebooks/`` with the
course's ``course`` command, so the README's self-check command works there as written.

Autosave is off and nothing is saved: ``notebooks/`` is byte-identical afterwards. Screenshots go
to ``$COURSE_TEST_ARTIFACTS/browser/`` or ``bench-results/browser/`` (the test summary says
where): ``NN-release-opened``, ``NN-release-first-error``, ``NN-solved-opened``, ``NN-solved``
(the whole notebook after Run All, in parts if long), ``NN-solved-widget-K`` (each widget, and
after its last preset).

Run it alone with ``make browser-test``. Needs ``/usr/bin/chromium`` (``apt-get install
chromium``); as root the test installs it when it is missing, otherwise it is skipped, loudly,
except in CI (``CI`` set), where it fails.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from course_utils.cli import paths

import browser_lab as lab
from conftest import record_timing

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENTS = paths.assignments()
RELEASE_TIMEOUT = 180
SOLVED_TIMEOUT = 600

pytestmark = [pytest.mark.browser, pytest.mark.notebook, pytest.mark.xdist_group("browser")]


def artifacts_dir() -> Path:
    base = os.environ.get("COURSE_TEST_ARTIFACTS")
    folder = Path(base) / "browser" if base else ROOT / "bench-results" / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def artifacts():
    folder = artifacts_dir()
    for old in folder.glob("*.png"):
        old.unlink()
    note = Path(os.environ["COURSE_TEST_TIMINGS_DIR"]) / "browser-artifacts.note"
    note.write_text(f"browser test screenshots (each notebook opened, the release's first error, the whole solved "
                    f"notebook, each widget): {folder}\n")
    return folder


@pytest.fixture(scope="module")
def chromium():
    path = lab.find_chromium()
    if path is None:
        problem = lab.install_chromium()
        path = lab.find_chromium()
        if path is None:
            message = (f"Chromium is not installed and could not be installed ({problem or 'apt-get gave no chromium'}); "
                       "the browser test needs /usr/bin/chromium (Debian: apt-get install chromium)")
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def browser(chromium):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        message = "the Python package playwright is missing: run `make` (it installs the pinned test extras)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=lab.CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, device_scale_factor=1)
    yield context
    context.close()


@pytest.fixture(scope="module")
def notebooks_before():
    return lab.tree_digest(paths.notebooks_dir())


@pytest.fixture(scope="module")
def release_server(notebooks_before, tmp_path_factory):
    server = lab.LabServer(tmp_path_factory.mktemp("lab-release"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def solved_server(notebooks_before, tmp_path_factory):
    scratch = tmp_path_factory.mktemp("lab-solved")
    folder = scratch / "solved"
    folder.mkdir()
    server = lab.LabServer(scratch, root_dir=folder)
    server.folder = folder
    yield server
    server.stop()


def release_notebook(name: str) -> Path:
    path = paths.notebooks_dir() / f"{name}.ipynb"
    assert path.is_file(), f"solutions/{name}.ipynb has no release: run `course release {name}`"
    return path


def describe(result: lab.RunResult, artifacts: Path) -> str:
    errors = "\n".join(f"  cell {e['cell']}: {e['ename']}: {e['evalue'][:300]}" for e in result.errors()[:5])
    return (f"{result.name} ({result.seconds:.0f} s); screenshots in {artifacts}\n"
            f"errors:\n{errors or '  none'}\nstderr: {result.stderr()[:5]}")


def check_chrome(result: lab.RunResult, artifacts: Path) -> None:
    """No pop-up, no instructor UI, the Validate button present."""
    where = describe(result, artifacts)
    assert not result.toasts, f"a notification popped up: {result.toasts}\n{where}"
    assert not result.dialogs, f"a dialog opened: {result.dialogs}\n{where}"
    shown = [w for w in lab.INSTRUCTOR_WORDS for text in result.menus + result.sidebar if w.lower() in text.lower()]
    assert not shown, f"instructor UI visible to learners: {shown} (menus {result.menus}, sidebar {result.sidebar})\n{where}"
    active = [p for p in lab.INSTRUCTOR_PLUGINS if result.plugins.get(p)]
    assert not active, f"nbgrader instructor plugins loaded: {active}; run `python -m course_utils.cli.labsetup`"
    assert result.plugins.get("@jupyter/nbgrader:validate-assignment"), "the Validate button's plugin is missing"
    assert "Validate" in result.toolbar, f"no Validate button in the notebook toolbar: {result.toolbar!r}"


def check_widgets(result: lab.RunResult, artifacts: Path) -> None:
    where = describe(result, artifacts)
    assert not result.widget_errors, f"a widget failed to render: {result.widget_errors}\n{where}"
    assert result.widgets_rendered >= result.widget_outputs, (
        f"{result.widget_outputs} widget outputs but {result.widgets_rendered} rendered widgets\n{where}")
    assert not result.layout_jumps, ("a widget changes size when a preset is chosen (give its figure a fixed size "
                                     f"and its Output a fixed height): {result.layout_jumps}")


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_release_notebook_in_the_browser(name, release_server, context, artifacts):
    """Unanswered: opens cleanly, and Run All stops at the first exercise's own message."""
    release = release_notebook(name)
    before = release.read_bytes()
    result = lab.NotebookRun(context, release_server, artifacts).run(
        f"{name}.ipynb", f"{name}-release", RELEASE_TIMEOUT, expect_all=False)
    assert release.read_bytes() == before or not lab.has_outputs(release), (
        f"notebooks/{name}.ipynb was saved from the browser: it now holds the outputs of the run")
    record_timing("browser release", name, result.seconds)
    check_chrome(result, artifacts)
    check_widgets(result, artifacts)
    errors = result.errors()
    where = describe(result, artifacts)
    assert errors, f"the unanswered notebook ran to the end without an error: are its exercises stubbed?\n{where}"
    first = errors[0]
    assert lab.STUB_MESSAGE.search(first["evalue"]), (
        "the first error a learner meets should be the exercise's stub message (\"Exercise N.M (...) is not done "
        f"yet\") or the needs() guard's (\"finish Exercise N.M first\"), got {first['ename']}: {first['evalue'][:300]}\n{where}")


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_solved_notebook_in_the_browser(name, solved_server, context, artifacts):
    """Answered with the solutions: Run All reaches the end with no error and every widget renders."""
    release = release_notebook(name)
    lab.solved_copy(release, paths.source_notebook(name), solved_server.folder / f"{name}.ipynb")
    result = lab.NotebookRun(context, solved_server, artifacts).run(
        f"{name}.ipynb", f"{name}-solved", SOLVED_TIMEOUT, expect_all=True)
    record_timing("browser solved", name, result.seconds)
    check_chrome(result, artifacts)
    where = describe(result, artifacts)
    assert not result.errors(), f"the solved notebook shows an error output\n{where}"
    assert result.finished, f"Run All did not run every code cell\n{where}"
    check_widgets(result, artifacts)


def test_terminal_self_check_form(release_server, context, tmp_path):
    """The README's self-check command works as written in JupyterLab's terminal: it starts in
    notebooks/, and `course` there is the course's own command."""
    first = ASSIGNMENTS[0]
    lines = lab.terminal_lines(context, release_server, f"pwd; command -v course; ls {first}.ipynb", tmp_path / "terminal.txt")
    assert len(lines) == 3, f"unexpected terminal output: {lines}"
    cwd, course, listed = lines
    assert Path(cwd).resolve() == paths.notebooks_dir().resolve(), f"JupyterLab's terminal starts in {cwd}, not notebooks/"
    assert Path(course).resolve() == (Path(sys.executable).parent / "course").resolve(), (
        f"`course` in JupyterLab's terminal is {course!r}, not the course environment's")
    assert listed == f"{first}.ipynb"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"\ncourse check {first}.ipynb\n" in readme, "the README's self-check command is not the form tested here"


def test_notebooks_folder_is_unchanged(notebooks_before, release_server):
    """Nothing was written into notebooks/: no save (autosave off; each notebook is also compared right
    after its run, above), no checkpoints, no files written by the kernels. Release notebooks that
    `course release` rewrote meanwhile are the only changes allowed."""
    after = lab.tree_digest(paths.notebooks_dir())
    changed = sorted(k for k in set(after) | set(notebooks_before) if after.get(k) != notebooks_before.get(k))
    releases = {f"{name}.ipynb" for name in paths.assignments()}
    unexpected = [k for k in changed if k not in releases]
    assert not unexpected, f"the browser test wrote into notebooks/: {unexpected}"
