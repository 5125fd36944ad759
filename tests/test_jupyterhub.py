"""The course on a real JupyterHub, with real Unix users: a class from release to feedback.

``course init-hub`` sets up a hub for an instructor and two students, Unix accounts it creates
for the test (removed afterwards). The hub runs with PAM log-in, ``LocalProcessSpawner`` and
configurable-http-proxy on 127.0.0.1. Each user logs in with their password and works through
their own single-user server, so every step runs as that Unix user: the instructor makes the
course folder and releases notebook 00 through the formgrader, the students fetch, answer
(A with the solution's answers, B half of them), validate and submit through the Assignments
panel's API, the instructor collects, grades with ``course grade`` and returns the feedback
with ``course release-feedback``, and each student fetches their own. On the way it checks
what a student may not do: read another's work or the solutions, list or change the exchange.

Needs root (accounts, a hub that starts servers as other users) and the proxy from
``make hub-proxy``; without them it is skipped with a note in the run's summary.
"""

from __future__ import annotations

import csv
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from course_utils.cli import paths
from course_utils.cli.instructor import feedback, hub

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FIRST = paths.assignments()[0]
COURSE = "dl-medical-imaging"
pytestmark = [pytest.mark.hub, pytest.mark.xdist_group("jupyterhub")]


def _note(text: str) -> None:
    folder = os.environ.get("COURSE_TEST_TIMINGS_DIR")
    if folder and Path(folder).is_dir():
        (Path(folder) / "jupyterhub.note").write_text(text + "\n")


def _skip(reason: str):
    _note(f"tests/test_jupyterhub.py: SKIPPED, JupyterHub was NOT tested: {reason}")
    pytest.skip(f"JupyterHub NOT tested: {reason}")


def _free_ports(n: int) -> list[int]:
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def _kill_users_processes(uids: set[int]) -> None:
    import psutil

    procs = [p for p in psutil.process_iter(["uids"]) if p.info["uids"] and p.info["uids"].real in uids]
    for p in procs:
        try:
            p.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(procs, timeout=10)
    for p in alive:
        try:
            p.kill()
        except psutil.Error:
            pass


def _let_users_reach(names, needed: list[Path]) -> list[tuple[int, Path]]:
    """Let the test's users enter the folders on the way to the course's Python and packages.

    Where the environment lives under a folder closed to others (a Python installed in /root),
    each test user alone gets the right to pass through it (an ACL entry, removed afterwards);
    nothing else changes for anyone.
    """
    granted = []
    for name in names:
        account = pwd.getpwnam(name)
        for _ in range(20):
            blocked = hub.blocked_for(account, needed)
            if blocked is None:
                break
            if shutil.which("setfacl") is None or not blocked.is_dir():
                _skip(f"the test users cannot use {blocked} (the course's Python or packages) and setfacl "
                      "is missing (apt-get install acl), so they cannot be let through")
            subprocess.run(["setfacl", "-m", f"u:{account.pw_uid}:x", str(blocked)], check=True)
            granted.append((account.pw_uid, blocked))
        else:
            raise AssertionError(f"{name} still cannot reach the course's environment")
    return granted


# --------------------------------------------------------------------------- talking to the hub

class Hub:
    def __init__(self, url: str, admin_token: str):
        import requests

        self.url, self.requests = url, requests
        self.admin = {"Authorization": f"token {admin_token}"}

    def api(self, method: str, path: str, headers=None, **kwargs):
        r = self.requests.request(method, f"{self.url}hub/api/{path}", headers=headers or self.admin,
                                  timeout=60, **kwargs)
        assert r.status_code < 400, f"{method} {path}: {r.status_code} {r.text[:500]}"
        return r.json() if r.content else None

    def login(self, name: str, password: str) -> str:
        """Log in through the hub's login form (PAM) and return an API token of that user."""
        s = self.requests.Session()
        s.get(f"{self.url}hub/login", timeout=30)
        xsrf = s.cookies.get("_xsrf")
        r = s.post(f"{self.url}hub/login", data={"username": name, "password": password, "_xsrf": xsrf},
                   allow_redirects=False, timeout=60)
        assert r.status_code == 302, f"{name} could not log in: {r.status_code} {r.text[:300]}"
        xsrf = [c.value for c in s.cookies if c.name == "_xsrf"][-1]  # logging in renews it
        r = s.post(f"{self.url}hub/api/users/{name}/tokens", headers={"X-XSRFToken": xsrf},
                   json={"note": "test", "expires_in": 3600}, timeout=30)
        assert r.status_code in (200, 201), r.text[:300]
        return r.json()["token"]

    def login_fails(self, name: str, password: str) -> bool:
        s = self.requests.Session()
        s.get(f"{self.url}hub/login", timeout=30)
        r = s.post(f"{self.url}hub/login", data={"username": name, "password": password,
                                                 "_xsrf": s.cookies.get("_xsrf")},
                   allow_redirects=False, timeout=60)
        return r.status_code != 302


class Server:
    """One user's single-user server, through the proxy, with that user's token."""

    def __init__(self, hub_: Hub, name: str, token: str):
        self.name, self.requests = name, hub_.requests
        self.url = f"{hub_.url}user/{name}/"
        self.headers = {"Authorization": f"token {token}"}

    def call(self, method: str, path: str, expect=200, **kwargs):
        r = self.requests.request(method, self.url + path, headers=self.headers, timeout=600, **kwargs)
        assert r.status_code == expect, f"{self.name}: {method} {path}: {r.status_code} {r.text[:1000]}"
        return r

    def nbgrader(self, action: str, **data):
        """An action of the Assignments panel (fetch, submit, fetch_feedback)."""
        data = {"course_id": COURSE, "assignment_id": FIRST, **data}
        return self.call("POST", f"assignments/{action}", json=data).json()

    def run(self, code: str) -> str:
        """Run ``code`` in a new kernel of this user's server; return what it printed."""
        import websocket

        kernel = self.call("POST", "api/kernels", expect=201, json={}).json()["id"]
        try:
            ws = websocket.create_connection(
                self.url.replace("http://", "ws://") + f"api/kernels/{kernel}/channels",
                header=[f"{k}: {v}" for k, v in self.headers.items()], timeout=600)
            msg_id, out = uuid.uuid4().hex, []
            ws.send(json.dumps({
                "header": {"msg_id": msg_id, "username": self.name, "session": uuid.uuid4().hex,
                           "msg_type": "execute_request", "version": "5.3"},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": True}}))
            while True:
                msg = json.loads(ws.recv())
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind = msg["msg_type"]
                if kind == "stream":
                    out.append(msg["content"]["text"])
                elif kind == "error":
                    raise AssertionError(f"{self.name}'s kernel: " + "\n".join(msg["content"]["traceback"]))
                elif kind == "status" and msg["content"]["execution_state"] == "idle":
                    break
            ws.close()
        finally:
            self.requests.delete(self.url + f"api/kernels/{kernel}", headers=self.headers, timeout=60)
        return "".join(out)

    def shell(self, *command: str) -> str:
        """Run a command as this user (from a kernel of their server); fail with its output if it fails."""
        out = self.run(f"import subprocess, sys\n"
                       f"p = subprocess.run({list(command)!r}, capture_output=True, text=True)\n"
                       f"print(p.stdout + p.stderr)\nprint('exit code', p.returncode)\n")
        assert out.rstrip().endswith("exit code 0"), f"{self.name}: {' '.join(command)} failed:\n{out[-3000:]}"
        return out

    def terminal(self, command: str) -> str:
        """Type ``command`` into a new JupyterLab terminal of this user; return what it printed."""
        import websocket

        name = self.call("POST", "api/terminals").json()["name"]
        try:
            ws = websocket.create_connection(self.url.replace("http://", "ws://") + f"terminals/websocket/{name}",
                                             header=[f"{k}: {v}" for k, v in self.headers.items()], timeout=60)
            ws.send(json.dumps(["stdin", f"{command}; echo END-OF-COMMAND\r"]))
            out, deadline = "", time.monotonic() + 60
            while out.count("END-OF-COMMAND") < 2 and time.monotonic() < deadline:  # the echo of the line, then its output
                msg = json.loads(ws.recv())
                if msg[0] == "stdout":
                    out += msg[1]
            ws.close()
        finally:
            self.requests.delete(self.url + f"api/terminals/{name}", headers=self.headers, timeout=60)
        return out

    def page_config(self) -> dict:
        html = self.call("GET", "lab").text
        match = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', html, re.S)
        assert match, f"{self.name}: no page config in JupyterLab's page"
        return json.loads(match.group(1))


# --------------------------------------------------------------------------- the class

@pytest.fixture(scope="module")
def klass():
    """A running hub for one instructor and two students; everything is removed afterwards."""
    if os.geteuid() != 0:
        _skip("not root: the test creates Unix users and runs JupyterHub as root (run make test as root, as CI does)")
    if hub.proxy_command() is None:
        _skip("configurable-http-proxy is missing: run `make hub-proxy` (needs npm)")
    for tool in ("useradd", "userdel", "chpasswd"):
        if shutil.which(tool) is None:
            _skip(f"{tool} is missing on this machine")
    started = time.monotonic()
    tag = secrets.token_hex(3)
    names = {"instructor": f"dlmi{tag}i", "a": f"dlmi{tag}a", "b": f"dlmi{tag}b"}
    taken = [n for n in names.values() if hub._account(n)]
    assert not taken, f"user names already exist: {taken}"
    base = Path(tempfile.mkdtemp(prefix="course-hub-test-", dir="/tmp"))
    base.chmod(0o755)
    proc = None
    uids: set[int] = set()
    passwords: dict[str, str] = {}
    granted: list[tuple[int, Path]] = []
    try:
        course = base / "course"
        for folder in ("solutions", "notebooks"):
            (course / folder).mkdir(parents=True)
            shutil.copyfile(ROOT / folder / f"{FIRST}.ipynb", course / folder / f"{FIRST}.ipynb")
            (course / folder / f"{FIRST}.ipynb").chmod(0o644)
        for folder in (course, course / "solutions", course / "notebooks"):
            folder.chmod(0o755)
        roster = base / "roster.csv"
        roster.write_text(f"username,name\n{names['a']},Student A\n{names['b']},Student B\n")
        for name in names.values():  # accounts as an administrator makes them
            subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", "-K", "HOME_MODE=0700", name],
                           check=True, capture_output=True)
            passwords[name] = secrets.token_urlsafe(12)
            subprocess.run(["chpasswd"], input=f"{name}:{passwords[name]}\n", text=True, check=True)
            uids.add(pwd.getpwnam(name).pw_uid)
        granted += _let_users_reach(names.values(), [*hub.needed_paths(), course / "notebooks"])
        port, hub_port, api_port = _free_ports(3)
        exchange = base / "exchange"
        env = {**os.environ, "COURSE_ROOT": str(course)}
        init = subprocess.run([str(BIN / "course"), "init-hub", str(base / "hub"), "--instructor", names["instructor"],
                               "--students", str(roster), "--exchange", str(exchange),
                               "--ip", "127.0.0.1", "--port", str(port), "--hub-port", str(hub_port),
                               "--proxy-api-port", str(api_port)], capture_output=True, text=True, env=env)
        assert init.returncode == 0, init.stderr + init.stdout

        log = open(base / "hub.log", "w")
        hub_env = {k: v for k, v in os.environ.items() if k not in ("COURSE_ROOT", "COURSE_FAST")}
        proc = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(base / "hub" / "jupyterhub_config.py")],
                                cwd=base / "hub", stdout=log, stderr=subprocess.STDOUT, env=hub_env,
                                start_new_session=True)
        the_hub = Hub(f"http://127.0.0.1:{port}/", (base / "hub" / "admin-api-token").read_text().strip())
        deadline = time.monotonic() + 120
        while True:
            try:
                the_hub.api("GET", "")
                break
            except Exception:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("the hub did not start:\n" + (base / "hub.log").read_text()[-4000:])
                time.sleep(1)
        yield {"hub": the_hub, "names": names, "passwords": passwords, "base": base, "course": course,
               "exchange": exchange, "init": init.stdout, "log": base / "hub.log", "started": started}
    finally:
        if proc is not None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=60)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait(timeout=30)
        _kill_users_processes(uids)
        for uid, folder in granted:
            subprocess.run(["setfacl", "-x", f"u:{uid}", str(folder)], capture_output=True)
        for name in names.values():
            if hub._account(name):
                subprocess.run(["userdel", "--remove", name], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def _answered(release: dict, source: Path, upto: int | None = None) -> tuple[dict, float]:
    """``release`` with the source's answers in its first ``upto`` answer cells (all if None),
    and the points the tests before the first unanswered one are worth."""
    import nbformat

    src = nbformat.read(source, as_version=4)
    answers = {c.metadata["nbgrader"]["grade_id"]: c.source for c in src.cells
               if c.metadata.get("nbgrader", {}).get("solution")}
    order = [c.metadata["nbgrader"]["grade_id"] for c in src.cells if c.metadata.get("nbgrader", {}).get("solution")]
    keep = set(order if upto is None else order[:upto])
    for cell in release["cells"]:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid in keep:
            cell["source"] = answers[gid]
    stop = None if upto is None or upto >= len(order) else next(
        i for i, c in enumerate(src.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == order[upto])
    points = sum(float(c.metadata["nbgrader"].get("points", 0)) for i, c in enumerate(src.cells)
                 if c.metadata.get("nbgrader", {}).get("grade") and (stop is None or i < stop))
    return release, points


PROBE = '''
import json, os
def attempt(what):
    try:
        what()
        return "ok"
    except Exception as err:
        return type(err).__name__
print(json.dumps({{name: attempt(f) for name, f in {{
{checks}
}}.items()}}))
'''


def test_a_class_on_jupyterhub_from_release_to_feedback(klass):
    h, names, course, exchange = klass["hub"], klass["names"], klass["course"], klass["exchange"]
    inst, a, b = names["instructor"], names["a"], names["b"]
    homes = {k: Path(pwd.getpwnam(n).pw_dir) for k, n in names.items()}

    # accounts as init-hub made them: private homes, the solutions readable by the instructor only
    for home in homes.values():
        assert home.stat().st_mode & 0o077 == 0, f"{home} is readable by others"
    solutions = course / "solutions"
    assert solutions.stat().st_gid == pwd.getpwnam(inst).pw_gid and solutions.stat().st_mode & 0o007 == 0
    assert h.login_fails(a, "not-the-password"), "a wrong password must not log in"

    # everyone logs in with their password (PAM); the admin token starts their servers
    tokens = {k: h.login(n, klass["passwords"][n]) for k, n in names.items()}
    for n in names.values():
        h.api("POST", f"users/{n}/server")
    deadline = time.monotonic() + 300
    while not all(h.api("GET", f"users/{n}")["servers"].get("", {}).get("ready") for n in names.values()):
        assert time.monotonic() < deadline, "the users' servers did not start:\n" + klass["log"].read_text()[-4000:]
        time.sleep(2)
    srv = {k: Server(h, names[k], tokens[k]) for k in names}
    assert srv["a"].run("import getpass; print(getpass.getuser())").strip() == a

    # roles: the formgrader for the instructor only; the Assignments panel for the students
    srv["a"].call("GET", "formgrader", expect=404)
    disabled = srv["a"].page_config()["disabledExtensions"]
    assert "@jupyter/nbgrader:formgrader" in disabled and "@jupyter/nbgrader:assignment-list" not in disabled
    assert "@jupyter/nbgrader:formgrader" not in srv["instructor"].page_config()["disabledExtensions"]

    # JupyterLab's terminals have the course's commands, as the guides use them
    for key in ("instructor", "a"):
        out = srv[key].terminal("command -v course nbgrader")
        assert f"{BIN}/course" in out and f"{BIN}/nbgrader" in out, out

    # the instructor makes the course folder and releases notebook 00 through the formgrader
    course_dir = homes["instructor"] / hub.DEFAULT_COURSE_DIR
    srv["instructor"].shell("course", "init-instructor", str(course_dir), "--exchange", str(exchange))
    released = srv["instructor"].call("POST", f"formgrader/api/assignment/{FIRST}/release").json()
    assert released.get("success"), released
    srv["instructor"].call("GET", "formgrader")

    # the students fetch it, answer it (A: every answer, B: the first two exercises) and submit
    expected = {}
    for key, upto in (("a", None), ("b", 2)):
        listing = srv[key].nbgrader("fetch")
        assert listing["success"], listing
        assert any(x["assignment_id"] == FIRST and x["status"] == "fetched" for x in listing["value"]), listing
        path = f"api/contents/{FIRST}/{FIRST}.ipynb"
        notebook = srv[key].call("GET", path).json()["content"]
        notebook, expected[key] = _answered(notebook, solutions / f"{FIRST}.ipynb", upto)
        srv[key].call("PUT", path, json={"type": "notebook", "format": "json", "content": notebook})
        if key == "a":
            check = srv[key].call("POST", "assignments/validate", json={"path": f"{FIRST}/{FIRST}.ipynb"}).json()
            assert check["success"] and not check["value"].get("failed"), check
        out = srv[key].nbgrader("submit")
        assert out["success"], out
    points = sum(float(c["metadata"]["nbgrader"].get("points", 0)) for c in
                 json.loads((solutions / f"{FIRST}.ipynb").read_text())["cells"]
                 if c["metadata"].get("nbgrader", {}).get("grade"))
    assert expected["a"] == points and 0 < expected["b"] < points

    # the instructor collects and grades with course grade, then returns the feedback
    collected = srv["instructor"].call("POST", f"formgrader/api/assignment/{FIRST}/collect").json()
    assert collected.get("success"), collected
    grades = homes["instructor"] / "grades" / FIRST
    srv["instructor"].shell("course", "grade", str(course_dir / "submitted"), "--out", str(grades),
                            "--jobs", "2", "--no-progress")
    rows = {r["student"]: r for r in csv.DictReader((grades / "grades.csv").open())}
    assert set(rows) == {a, b}
    assert float(rows[a]["score"]) == expected["a"] == float(rows[a]["max_score"])
    assert float(rows[b]["score"]) == expected["b"]
    out = srv["instructor"].shell("course", "release-feedback", str(grades), FIRST, "--exchange", str(exchange))
    assert f"of 2 student(s)" in out, out

    # what a student may not do, tried as student A
    inbound = exchange / COURSE / "inbound"
    b_sub = next(p for p in inbound.iterdir() if p.name.startswith(f"{b}+{FIRST}+"))
    b_file = b_sub / f"{FIRST}.ipynb"
    assert b_file.is_file()
    checks = {
        "read B's submission in the exchange": f"lambda: open({str(b_file)!r}).read()",
        "overwrite B's submission": f"lambda: open({str(b_file)!r}, 'w')",
        "delete B's submission": f"lambda: os.unlink({str(b_file)!r})",
        "rename B's submission away": f"lambda: os.rename({str(b_sub)!r}, {str(b_sub) + '-gone'!r})",
        "list the exchange's inbound": f"lambda: os.listdir({str(inbound)!r})",
        "list the released feedback": f"lambda: os.listdir({str(exchange / COURSE / 'feedback')!r})",
        "read B's collected submission": f"lambda: open({str(course_dir / 'submitted' / b / FIRST / (FIRST + '.ipynb'))!r}).read()",
        "read B's working copy": f"lambda: open({str(homes['b'] / FIRST / (FIRST + '.ipynb'))!r}).read()",
        "read the instructor's source": f"lambda: open({str(course_dir / 'source' / FIRST / (FIRST + '.ipynb'))!r}).read()",
        "read the course's solutions": f"lambda: open({str(solutions / (FIRST + '.ipynb'))!r}).read()",
        "read the grades": f"lambda: open({str(grades / 'grades.csv')!r}).read()",
    }
    controls = {
        "read the release": f"lambda: open({str(exchange / COURSE / 'outbound' / FIRST / (FIRST + '.ipynb'))!r}).read()",
        "read own notebook": f"lambda: open(os.path.expanduser('~/{FIRST}/{FIRST}.ipynb')).read()",
    }
    probe = PROBE.format(checks="\n".join(f"    {k!r}: {v}," for k, v in {**checks, **controls}.items()))
    seen = json.loads(srv["a"].run(probe).strip().splitlines()[-1])
    assert {k: seen[k] for k in checks} == dict.fromkeys(checks, "PermissionError"), seen
    assert {k: seen[k] for k in controls} == dict.fromkeys(controls, "ok"), seen
    assert b_file.is_file() and len(list((exchange / COURSE / "feedback").glob("*.html"))) == 2

    # each student fetches their own feedback, and only theirs
    for key, name in (("a", a), ("b", b)):
        assert srv[key].nbgrader("fetch_feedback")["success"]
        found = list((homes[key] / FIRST / "feedback").rglob("*.html"))
        assert len(found) == 1, found
        page = found[0].read_text(encoding="utf-8")
        assert page == (grades / "feedback" / name / f"{FIRST}.html").read_text(encoding="utf-8")
        score = re.search(r"Score:\s*([\d.]+)\s*/\s*([\d.]+)", page)
        assert score and float(score.group(1)) == expected[key], score and score.group(0)
    _note(f"tests/test_jupyterhub.py: a class of 2 on a real JupyterHub (PAM, LocalProcessSpawner, "
          f"configurable-http-proxy) from release to feedback in {time.monotonic() - klass['started']:.0f} s")


# --------------------------------------------------------------------------- bad input

def test_init_hub_refuses_bad_input_in_one_line(tmp_path, course_copy, capsys):
    from course_utils import cli

    def run(*args):
        code = cli.main(["init-hub", str(tmp_path / "hub"), *args])
        captured = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, captured.out, captured.err)

    roster = tmp_path / "roster.csv"
    cases = [
        ("name,email\nana,a@x\n", ["--instructor", "teach"], "no column username"),
        ("username\nAna García\n", ["--instructor", "teach"], "line 2: 'Ana García' is not a Unix user name"),
        ("username\nana\nbob\nana\n", ["--instructor", "teach"], "line 4: ana is already on line 2"),
        ("username\n\n", ["--instructor", "teach"], "lists no students"),
        ("username\nana\n", ["--instructor", "ana"], "the instructor ana is also in the roster"),
        ("username\nana\n", ["--instructor", "Teach Er"], "is not a Unix user name"),
        ("username\nana\n", ["--instructor", "teach", "--port", "8081"], "the ports must differ"),
        ("username\nana\n", ["--instructor", "teach", "--port", "70000"], "--port 70000 is not a port"),
        ("username\nana\n", ["--instructor", "teach", "--exchange", "exchange"], "must be an absolute path"),
    ]
    for text, args, message in cases:
        roster.write_text(text, encoding="utf-8")
        proc = run("--students", str(roster), *args)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0], (message, proc.stderr)
    proc = run("--students", str(tmp_path / "nope.csv"), "--instructor", "teach")
    assert proc.returncode == 2 and "does not exist" in proc.stderr
    (tmp_path / "hub").mkdir()
    (tmp_path / "hub" / "notes.txt").write_text("x")
    roster.write_text("username\nana\n")
    proc = run("--students", str(roster), "--instructor", "teach")
    assert proc.returncode == 2 and "is not a hub folder made by `course init-hub`" in proc.stderr


def test_release_feedback_skips_work_that_did_not_come_through_the_exchange(tmp_path):
    out, exchange = tmp_path / "grades", tmp_path / "exchange"
    submissions = tmp_path / "submitted"
    (out / "nbgrader").mkdir(parents=True)
    for student, via_exchange in (("ana", True), ("bob", False)):
        (out / "feedback" / student).mkdir(parents=True)
        (out / "feedback" / student / f"{FIRST}.html").write_text(f"<html>{student}</html>")
        folder = submissions / student / FIRST
        folder.mkdir(parents=True)
        (folder / f"{FIRST}.ipynb").write_text("{}")
        if via_exchange:
            (folder / "timestamp.txt").write_text("2025-01-01 10:00:00.000000 UTC")
            (folder / "submission_secret.txt").write_text("s3cret")
    (out / ".course-grade.json").write_text(json.dumps({"submissions": str(submissions), "entries": {}}))
    with pytest.raises(ValueError, match="does not exist: pass the exchange"):
        feedback.release_feedback(out, FIRST, exchange)
    (exchange / COURSE).mkdir(parents=True)
    results = feedback.release_feedback(out, FIRST, exchange)
    from nbgrader.utils import notebook_hash

    assert [(r.student, r.path) for r in results] == [
        ("ana", exchange / COURSE / "feedback" / f"{notebook_hash(secret='s3cret', notebook_id=FIRST)}.html"),
        ("bob", None)]
    assert results[0].path.read_text() == "<html>ana</html>"
    assert "not submitted through nbgrader's exchange" in feedback.format_released(results, FIRST)
    with pytest.raises(ValueError, match="no feedback for 01_x"):
        feedback.release_feedback(out, "01_x", exchange)


def test_keep_submission_files_makes_a_graded_folder_nbgrader_can_release_from(tmp_path):
    collected = tmp_path / "submitted" / "ana" / FIRST
    collected.mkdir(parents=True)
    (collected / f"{FIRST}.ipynb").write_text("{}")
    (collected / "timestamp.txt").write_text("2025-01-01 10:00:00.000000 UTC")
    (collected / "submission_secret.txt").write_text("s3cret")
    course_root = tmp_path / "out" / "nbgrader"
    copies = feedback.keep_submission_files(collected / f"{FIRST}.ipynb", course_root, "ana", FIRST)
    assert sorted(p.relative_to(course_root).as_posix() for p in copies) == sorted(
        f"{kind}/ana/{FIRST}/{name}" for kind in ("submitted", "feedback") for name in feedback.SUBMISSION_FILES)
    flat = tmp_path / "flat" / "bob"
    flat.mkdir(parents=True)
    (flat / f"{FIRST}.ipynb").write_text("{}")
    (flat / "timestamp.txt").write_text("not nbgrader's layout")
    assert feedback.keep_submission_files(flat / f"{FIRST}.ipynb", course_root, "bob", FIRST) == []


def test_init_hub_creates_the_roster_accounts_with_private_homes(tmp_path, course_copy, monkeypatch):
    if os.geteuid() != 0:
        _skip("not root: init-hub --create-users makes Unix accounts")
    import pamela

    monkeypatch.setattr(hub, "blocked_for", lambda account, needed: None)  # the course copy lives in pytest's tmp
    monkeypatch.setattr(hub, "proxy_command", lambda: Path("/usr/bin/configurable-http-proxy"))
    tag = secrets.token_hex(3)
    teacher, ana, bob = f"dlmi{tag}t", f"dlmi{tag}n", f"dlmi{tag}o"
    assert not any(hub._account(n) for n in (teacher, ana, bob))
    roster = tmp_path / "roster.csv"
    roster.write_text(f"username,name\n{ana},Ana\n", encoding="utf-8")
    said = []
    try:
        setup = hub.init_hub(tmp_path / "hub", teacher, roster, exchange=tmp_path / "exchange", create_users=True,
                             say=said.append)
        assert sorted(setup.created) == sorted([teacher, ana])
        passwords = tmp_path / "hub" / "passwords.csv"
        assert stat_mode(passwords) == 0o600 and stat_mode(tmp_path / "hub" / "admin-api-token") == 0o600
        first = dict(csv.reader(passwords.open()))
        pamela.authenticate(ana, first[ana], service="login")  # the password works for a real log-in
        for name in (teacher, ana):
            assert stat_mode(Path(pwd.getpwnam(name).pw_dir)) == 0o700
        course = tmp_path / "exchange" / COURSE
        assert stat_mode(tmp_path / "exchange") == 0o1777 and stat_mode(course / "inbound") == 0o3733
        assert stat_mode(course / "feedback") == 0o711 and course.stat().st_uid == pwd.getpwnam(teacher).pw_uid
        config = (tmp_path / "hub" / "jupyterhub_config.py").read_text()
        assert f"INSTRUCTOR = {teacher!r}" in config and f"STUDENTS = {[ana]!r}" in config
        assert any("passwords.csv" in line for line in said)

        # a student joins: run it again, only the new account is made, the others keep their passwords
        roster.write_text(f"username,name\n{ana},Ana\n{bob},Bob\n", encoding="utf-8")
        setup = hub.init_hub(tmp_path / "hub", teacher, roster, exchange=tmp_path / "exchange", create_users=True,
                             say=said.append)
        assert list(setup.created) == [bob]
        again = dict(csv.reader(passwords.open()))
        assert again[ana] == first[ana] and bob in again
        with pytest.raises(ValueError, match="no Unix account for zz"):
            roster.write_text("username\nzz" + tag + "\n", encoding="utf-8")
            hub.init_hub(tmp_path / "hub", teacher, roster, exchange=tmp_path / "exchange")
    finally:
        _kill_users_processes({a.pw_uid for n in (teacher, ana, bob) if (a := hub._account(n))})
        for name in (teacher, ana, bob):
            if hub._account(name):
                subprocess.run(["userdel", "--remove", name], capture_output=True)


def stat_mode(path: Path) -> int:
    import stat

    return stat.S_IMODE(path.stat().st_mode)
