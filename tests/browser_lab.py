"""JupyterLab in headless Chromium, as a learner gets it: helpers for ``tests/test_browser.py``.

* :func:`lab_command` is the command line ``make lab`` runs (read from ``make -n lab``, so the
  test follows the Makefile), to which :class:`LabServer` appends only what a test needs: a free
  port on 127.0.0.1, a token, no browser of its own, ``expose_app_in_browser`` (so the test can
  read the notebook's model; the page looks the same) and a checkpoint folder outside
  ``notebooks/`` (JupyterLab checkpoints every notebook it opens).
* The server's environment is the developer's, less what the test suite adds for its own kernels
  (``MPLBACKEND=Agg`` would hide every figure), plus ``COURSE_FAST=1`` and throw-away JupyterLab
  settings and workspaces (autosave off: nothing is ever saved into ``notebooks/``).
* :class:`NotebookRun` opens one notebook, runs *Run > Run All Cells* from the menu, waits for the
  kernel, and returns what the learner sees: the notebook's outputs (from the page's own model),
  the widgets rendered, pop-ups, screenshots.
"""

from __future__ import annotations

import json
import os
import pty
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
#: The release stub's message and the needs() guard's message.
STUB_MESSAGE = re.compile(r"Exercise [0-9.]+\b.*is not done yet|finish Exercise [0-9.]+")
INSTRUCTOR_PLUGINS = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                      "@jupyter/nbgrader:course-list", "@jupyter/nbgrader:menu")
INSTRUCTOR_WORDS = ("Formgrader", "Create Assignment", "Nbgrader", "Courses")
#: Settings the test gives its JupyterLab (a temporary JUPYTERLAB_SETTINGS_DIR), on top of the course's.
TEST_SETTINGS = {
    # Never write into notebooks/.
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}


def find_chromium() -> str | None:
    """Debian's Chromium (``COURSE_CHROMIUM`` overrides), or None."""
    for candidate in (os.environ.get("COURSE_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def install_chromium() -> str:
    """Install Debian's ``chromium`` package (root only); return what went wrong, or ''."""
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        return "not root (or no apt-get), so it cannot be installed here: run `sudo apt-get install chromium`"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "chromium"]):
        proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
        if proc.returncode != 0:
            return f"`{' '.join(command)}` failed: {proc.stderr.strip()[-500:]}"
    return ""


def lab_command() -> str:
    """The shell command ``make lab`` runs, as ``make -n`` prints it (run it from the repository)."""
    proc = subprocess.run(["make", "-n", "-s", "-C", str(ROOT), "-o", ".venv/.installed", "lab"],
                          capture_output=True, text=True, check=True)
    lines = [ln for ln in proc.stdout.splitlines() if re.search(r"\bjupyter\"?\s+lab\b", ln) and not ln.startswith("echo")]
    assert len(lines) == 1, f"expected one `jupyter lab` command in `make -n lab`, got:\n{proc.stdout}"
    return lines[0]


def has_outputs(notebook: Path) -> bool:
    """Whether a notebook on disk holds outputs or execution counts (a release never does, so a
    release that has them was saved from a run; one rewritten by `course release` has none)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return any(c.get("outputs") or c.get("execution_count") is not None for c in cells if c["cell_type"] == "code")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_digest(folder: Path) -> dict[str, str]:
    """{relative path: sha256} of every file under ``folder`` (hidden ones included)."""
    import hashlib

    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class LabServer:
    """``make lab``'s JupyterLab, started on a free port with a token; stop() ends it."""

    def __init__(self, scratch: Path, root_dir: Path | None = None):
        self.scratch = scratch
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        settings = scratch / "lab-user-settings"
        for name, values in TEST_SETTINGS.items():
            path = settings / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")
        env = dict(os.environ)
        for name in ("MPLBACKEND", "JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTER_PLATFORM_DIRS", "VIRTUAL_ENV",
                     "NBGRADER_EXECUTION", "PYTEST_CURRENT_TEST", "PYTEST_XDIST_WORKER", "PYTEST_XDIST_TESTRUNUID",
                     "PYTEST_XDIST_WORKER_COUNT"):
            env.pop(name, None)
        env.update({
            "COURSE_FAST": "1",
            "BROWSER": "true",
            "JUPYTERLAB_SETTINGS_DIR": str(settings),
            "JUPYTERLAB_WORKSPACES_DIR": str(scratch / "lab-workspaces"),
            "JUPYTER_CONFIG_DIR": str(scratch / "jupyter-config"),
            "JUPYTER_RUNTIME_DIR": str(scratch / "jupyter-runtime"),
        })
        extra = [f"--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
                 f"--IdentityProvider.token={self.token}", "--ServerApp.open_browser=False",
                 "--LabApp.expose_app_in_browser=True",
                 # JupyterLab makes a checkpoint of every notebook it opens: keep them out of notebooks/.
                 f"--FileCheckpoints.checkpoint_dir={scratch / 'checkpoints'}"]
        command = lab_command()
        if root_dir is not None:  # the same command, on another folder
            command, found = re.subn(r"--ServerApp\.root_dir=\S+", lambda m: f"--ServerApp.root_dir={shlex.quote(str(root_dir))}", command)
            assert found == 1, f"no --ServerApp.root_dir=... in make lab's command: {command}"
        self.command = command + " " + shlex.join(extra)
        self.log_path = scratch / f"lab-{self.port}.log"
        self._log = self.log_path.open("wb")
        # A learner runs `make lab` in a terminal: the server's output goes to a terminal (a pty
        # here), which also decides how JupyterLab starts its own terminals' shells (not as
        # login shells, which would reset PATH from /etc/profile).
        master, slave = pty.openpty()
        self.proc = subprocess.Popen(["bash", "-c", self.command], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                     stdout=slave, stderr=slave, start_new_session=True)
        os.close(slave)
        self._reader = threading.Thread(target=self._pump, args=(master,), daemon=True)
        self._reader.start()
        self._wait_until_up()

    def _pump(self, fd: int) -> None:
        while True:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            self._log.write(data)
            self._log.flush()
        os.close(fd)

    def _wait_until_up(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited ({self.proc.returncode}):\n{self.log()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status?token={self.token}", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f} s:\n{self.log()[-3000:]}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def api(self, path: str, method: str = "GET"):
        req = urllib.request.Request(f"{self.url}{path}", method=method,
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=10) as r:
            body = r.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        for session in self.api("/api/sessions") or []:
            self.api(f"/api/sessions/{session['id']}", method="DELETE")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._reader.join(timeout=5)
        self._log.close()


def solved_copy(release: Path, source: Path, dest: Path) -> Path:
    """The release notebook with each answer cell replaced by the solution's (markers removed).

    Only answer cells (nbgrader ``solution: true``, matched by ``grade_id``) change: the test
    cells stay the learner's visible ones, without the hidden tests.
    """
    import nbformat

    nb = nbformat.read(release, as_version=4)
    answers = {}
    for cell in nbformat.read(source, as_version=4).cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            lines = [ln for ln in cell.source.splitlines() if ln.strip() not in ("### BEGIN SOLUTION", "### END SOLUTION")]
            answers[meta["grade_id"]] = "\n".join(lines)
    replaced = 0
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and meta.get("grade_id") in answers:
            cell.source = answers[meta["grade_id"]]
            replaced += 1
    missing = [c.metadata["nbgrader"]["grade_id"] for c in nb.cells
               if c.metadata.get("nbgrader", {}).get("solution") and c.metadata["nbgrader"].get("grade_id") not in answers]
    assert not missing, f"{release.name}: answer cells with no solution in {source}: {missing}"
    dest.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, dest)
    return dest


@dataclass
class RunResult:
    name: str
    seconds: float
    cells: list = field(default_factory=list)  # the page model's cells (nbformat JSON)
    toasts: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    menus: list = field(default_factory=list)
    sidebar: list = field(default_factory=list)
    plugins: dict = field(default_factory=dict)
    toolbar: str = ""
    widget_outputs: int = 0
    widgets_rendered: int = 0
    widget_errors: list = field(default_factory=list)
    screenshots: list = field(default_factory=list)
    layout_jumps: list = field(default_factory=list)
    finished: bool = False

    def errors(self) -> list[dict]:
        """Every error output, in cell order: {"cell", "ename", "evalue"}."""
        found = []
        for index, cell in enumerate(self.cells):
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    found.append({"cell": index, "ename": out.get("ename", ""), "evalue": out.get("evalue", "")})
        return found

    def expected_widgets(self, live: set[str] | None = None) -> int:
        """Widget outputs whose widget still exists (``live``: the kernel's widget ids). A closed
        widget, e.g. a finished tqdm bar with ``leave=False``, rightly shows nothing."""
        return sum(1 for c in self.cells for o in c.get("outputs", []) if WIDGET_MIME in o.get("data", {})
                   and (live is None or o["data"][WIDGET_MIME].get("model_id") in live))

    def stderr(self) -> list[str]:
        return [f"cell {i}: " + "".join(o.get("text", ""))[:200] for i, c in enumerate(self.cells)
                for o in c.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == "stderr"]


# JavaScript run in the page (window.jupyterapp exists thanks to expose_app_in_browser).
JS_STATE = """() => {
  const app = window.jupyterapp;
  const nb = app && app.shell.currentWidget;
  if (!nb || !nb.content || !nb.sessionContext) return {ready: false};
  const kernel = nb.sessionContext.session && nb.sessionContext.session.kernel;
  const prompts = Array.from(nb.node.querySelectorAll('.jp-InputArea-prompt')).map(p => p.textContent);
  const cells = nb.content.widgets.filter(c => c.model.type === 'code');
  return {
    ready: nb.context.isReady,
    kernel: kernel ? kernel.status : 'none',
    running: prompts.filter(t => t.includes('*')).length,
    executed: cells.filter(c => c.model.executionCount !== null).length,
    code_cells: cells.length,
  };
}"""

JS_MODEL = "() => window.jupyterapp.shell.currentWidget.content.model.toJSON().cells"

JS_CHROME = """(ids) => {
  const app = window.jupyterapp;
  const text = sel => Array.from(document.querySelectorAll(sel)).map(e => (e.innerText || e.textContent || '').trim()).filter(Boolean);
  const titles = Array.from(document.querySelectorAll('.jp-SideBar .lm-TabBar-tab'))
      .map(e => (e.getAttribute('title') || '') + ' ' + (e.innerText || '')).map(s => s.trim());
  const plugins = {};
  for (const id of ids) plugins[id] = app.hasPlugin(id);
  const nb = app.shell.currentWidget;
  return {
    toasts: text('.Toastify__toast'),
    dialogs: text('.jp-Dialog'),
    menus: text('#jp-menu-panel .lm-MenuBar-itemLabel, .lm-MenuBar-itemLabel'),
    sidebar: titles,
    plugins: plugins,
    toolbar: nb && nb.toolbar ? nb.toolbar.node.innerText : '',
  };
}"""

JS_WIDGETS = """() => {
  const nb = window.jupyterapp.shell.currentWidget;
  const outputs = Array.from(nb.node.querySelectorAll('.jp-Cell-outputArea > .jp-OutputArea-child > .jp-OutputArea-output'));
  const withWidgets = outputs.filter(o => o.classList.contains('jupyter-widgets') || o.querySelector('.jupyter-widgets'));
  const errors = Array.from(nb.node.querySelectorAll('.jp-OutputArea-output'))
      .map(o => o.innerText || '').filter(t => /Error displaying widget|Error rendering/.test(t)).map(t => t.slice(0, 200));
  return {rendered: withWidgets.length, errors: errors};
}"""

JS_LIVE_WIDGETS = """async () => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  let text = '';
  const future = kernel.requestExecute({store_history: false, code:
      "import json as _j\\nfrom ipywidgets.widgets.widget import _instances as _w\\nprint(_j.dumps(list(_w)))"});
  future.onIOPub = msg => { if (msg.header.msg_type === 'stream') text += msg.content.text; };
  await future.done;
  return text.trim();
}"""

JS_SCROLLER = """() => {
  const nb = window.jupyterapp.shell.currentWidget;
  const outer = nb.node.querySelector('.jp-WindowedPanel-outer');
  return outer ? {height: outer.scrollHeight, client: outer.clientHeight} : {height: 0, client: 0};
}"""


class NotebookRun:
    """Open ``path`` (relative to the server's root) in a new tab, Run All, collect what shows."""

    def __init__(self, context, server: LabServer, artifacts: Path):
        self.context = context
        self.server = server
        self.artifacts = artifacts

    def run(self, relpath: str, label: str, timeout: float, expect_all: bool) -> RunResult:
        page = self.context.new_page()
        page.set_default_timeout(60_000)
        start = time.monotonic()
        result = RunResult(name=relpath, seconds=0.0)
        try:
            page.goto(f"{self.server.url}/lab/tree/{relpath}?reset&token={self.server.token}")
            page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget "
                                   "&& window.jupyterapp.shell.currentWidget.sessionContext", timeout=90_000)
            self._wait(page, lambda s: s.get("ready") and s.get("kernel") == "idle", 120, "the kernel to start")
            time.sleep(2.0)  # a pop-up (news, dialog) would be up by now
            chrome = page.evaluate(JS_CHROME, list(INSTRUCTOR_PLUGINS) + ["@jupyter/nbgrader:validate-assignment"])
            shot = self.artifacts / f"{label}-opened.png"
            page.screenshot(path=str(shot))
            result.screenshots.append(shot)
            result.toasts, result.dialogs = chrome["toasts"], chrome["dialogs"]
            result.menus, result.sidebar = chrome["menus"], chrome["sidebar"]
            result.plugins, result.toolbar = chrome["plugins"], chrome["toolbar"]

            page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
            page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
            # Started: at least one cell has an execution count or is queued.
            self._wait(page, lambda s: s["executed"] > 0 or s["running"] > 0, 60, "Run All to start")
            state = self._wait_done(page, timeout)
            result.finished = state["executed"] == state["code_cells"]
            result.cells = page.evaluate(JS_MODEL)
            expected = result.expected_widgets(set(json.loads(page.evaluate(JS_LIVE_WIDGETS) or "[]")))
            result.widget_outputs = expected
            deadline = time.monotonic() + 30
            while True:
                widgets = page.evaluate(JS_WIDGETS)
                if widgets["rendered"] >= expected or time.monotonic() > deadline:
                    break
                time.sleep(0.5)
            time.sleep(1.0 if expected else 0.2)
            widgets = page.evaluate(JS_WIDGETS)
            result.widgets_rendered, result.widget_errors = widgets["rendered"], widgets["errors"]
            late = page.evaluate(JS_CHROME, [])
            result.toasts += [t for t in late["toasts"] if t not in result.toasts]
            result.dialogs += [d for d in late["dialogs"] if d not in result.dialogs]
            if expect_all:
                result.screenshots += self._screenshots(page, label)
            else:  # where the learner is stopped: the first error, in view
                errors = result.errors()
                if errors:  # cells off screen have estimated heights: scroll, let them render, scroll again
                    for _ in range(3):
                        page.evaluate("""async (i) => {
                          const nb = window.jupyterapp.shell.currentWidget.content;
                          await nb.scrollToCell(nb.widgets[i], 'center');
                        }""", errors[0]["cell"])
                        time.sleep(0.7)
                shot = self.artifacts / f"{label}-first-error.png"
                page.screenshot(path=str(shot))
                result.screenshots.append(shot)
            for k, element in enumerate(page.locator(".jp-Cell-outputArea > .jp-OutputArea-child > "
                                                     ".jp-OutputArea-output:has(.jupyter-widgets)").all()):
                shot = self.artifacts / f"{label}-widget-{k + 1}.png"
                element.screenshot(path=str(shot))
                result.screenshots.append(shot)
                result.layout_jumps += self._try_presets(page, element, f"{label}-widget-{k + 1}", result)
        finally:
            result.seconds = time.monotonic() - start
            try:
                self.server.shutdown_kernels()
            finally:
                page.close()
        return result

    def _try_presets(self, page, element, label: str, result: RunResult) -> list[str]:
        """Choose each option of a widget's drop-down menu, as a learner trying the presets would;
        return how the widget's size or its images' sizes changed (a layout jump), if they did."""
        selects = element.locator("select")
        if selects.count() == 0:
            return []

        def sizes():
            box = element.bounding_box()
            images = [i.bounding_box() for i in element.locator("img").all()]
            return round(box["height"]), [(round(b["width"]), round(b["height"])) for b in images if b]

        select = selects.first
        options = select.locator("option").all_inner_texts()
        first = sizes()
        jumps = []
        for option in options[1:]:
            select.select_option(label=option)
            time.sleep(0.3)
            self._wait_done(page, 60)
            time.sleep(0.7)
            now = sizes()
            # A few pixels are tolerated: the inline backend crops figures to their text
            # ("tight" bounding box), so a longer title or tick label can move an edge slightly.
            moved = abs(now[0] - first[0]) > 2 or len(now[1]) != len(first[1]) or any(
                abs(a - b) > 6 for old, new in zip(first[1], now[1]) for a, b in zip(old, new))
            if moved:
                jumps.append(f"{label}: after choosing {option!r} the widget is {now[0]} px high "
                             f"(was {first[0]}), its images {now[1]} (were {first[1]})")
        shot = self.artifacts / f"{label}-{re.sub(r'[^A-Za-z0-9]+', '-', options[-1]).strip('-')}.png"
        element.screenshot(path=str(shot))
        result.screenshots.append(shot)
        return jumps

    def _wait(self, page, condition, timeout: float, what: str) -> dict:
        deadline = time.monotonic() + timeout
        state = {}
        while time.monotonic() < deadline:
            state = page.evaluate(JS_STATE)
            if condition(state):
                return state
            time.sleep(0.25)
        raise TimeoutError(f"waited {timeout:.0f} s for {what}; last state {state}")

    def _wait_done(self, page, timeout: float) -> dict:
        """Kernel idle and no cell queued, three polls in a row."""
        deadline = time.monotonic() + timeout
        calm, state = 0, {}
        while time.monotonic() < deadline:
            state = page.evaluate(JS_STATE)
            calm = calm + 1 if state["kernel"] == "idle" and state["running"] == 0 else 0
            if calm >= 3:
                return state
            time.sleep(0.5)
        raise TimeoutError(f"Run All did not finish within {timeout:.0f} s; last state {state}")

    def _screenshots(self, page, label: str, max_height: int = 12_000) -> list[Path]:
        """The whole notebook, in as few tall pictures as Chromium takes comfortably."""
        viewport = page.viewport_size
        size = page.evaluate(JS_SCROLLER)
        chrome_height = viewport["height"] - size["client"]  # menus, tabs, toolbar, status bar
        shots, offset, part = [], 0, 1
        total = max(size["height"], size["client"])
        while offset < total:
            height = min(max_height, total - offset)
            page.set_viewport_size({"width": viewport["width"], "height": max(400, height + chrome_height)})
            page.evaluate("(y) => { const o = window.jupyterapp.shell.currentWidget.node"
                          ".querySelector('.jp-WindowedPanel-outer'); if (o) o.scrollTop = y; }", offset)
            time.sleep(0.8)
            path = self.artifacts / (f"{label}.png" if total <= max_height else f"{label}-part{part}.png")
            page.screenshot(path=str(path))
            shots.append(path)
            offset += height
            part += 1
        page.set_viewport_size(viewport)
        return shots



def terminal_lines(context, server: LabServer, command: str, out: Path, timeout: float = 60) -> list[str]:
    """Open *File > New > Terminal* in JupyterLab, type ``command > out 2>&1``, return out's lines."""
    page = context.new_page()
    try:
        page.goto(f"{server.url}/lab?reset&token={server.token}")
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell", timeout=90_000)
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^File$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^New$")).hover()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Terminal$")).click()
        page.locator(".jp-Terminal .xterm-helper-textarea").wait_for(state="attached", timeout=60_000)
        page.locator(".jp-Terminal .xterm-helper-textarea").focus()
        time.sleep(1.0)  # the shell's prompt
        page.keyboard.type(f"{{ {command} ; }} > {shlex.quote(str(out))} 2>&1; echo done >> {shlex.quote(str(out))}")
        page.keyboard.press("Enter")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if out.is_file() and out.read_text().rstrip().endswith("done"):
                return out.read_text().splitlines()[:-1]
            time.sleep(0.5)
        raise TimeoutError(f"the terminal did not run {command!r} within {timeout:.0f} s")
    finally:
        for terminal in server.api("/api/terminals") or []:
            server.api(f"/api/terminals/{terminal['name']}", method="DELETE")
        page.close()
