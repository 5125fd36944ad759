"""The course on a JupyterHub server: ``course init-hub DIR``.

``course init-hub DIR --instructor NAME --students roster.csv`` (as root) sets up a class
server that JupyterHub runs from ``DIR``:

- ``jupyterhub_config.py``: PAM log-in with the machine's Unix accounts (only the instructor
  and the roster's students), ``LocalProcessSpawner`` starting each user's JupyterLab as that
  user from this environment (its Python is every user's kernel), the proxy installed by
  ``make hub-proxy``, threads per user, an API token for the administrator
  (``DIR/admin-api-token``), and a systemd unit ``DIR/jupyterhub.service``;
- ``DIR/jupyter/instructor/`` and ``DIR/jupyter/student/``: the ``JUPYTER_CONFIG_PATH`` folder
  of each role. Both name the course and the shared exchange in ``nbgrader_config.py``; the
  instructor's also names the nbgrader course folder (formgrader, ``course grade``); the
  students' turns the formgrader's server extensions off and keeps the *Assignments* panel
  (fetch, validate, submit) with :func:`course_utils.cli.labsetup.write_role_config`;
- the exchange (``--exchange``, ``/srv/nbgrader/exchange``): world-writable with the sticky bit,
  and the course's folder in it owned by the instructor: ``inbound/`` students may write into
  but not list, nor rename or delete what others put there (sticky), ``feedback/`` not
  listable; a student's submission is readable by the instructor only (:class:`PrivateSubmit`);
- ``--create-users``: the roster's missing accounts (``useradd``, a random password each,
  written to ``DIR/passwords.csv`` for the administrator, mode 0600). Every user's home is
  made private (0700), and ``solutions/`` (the nbgrader source with the hidden tests) is made
  readable by the instructor only.

Feedback goes back through the same exchange with ``course release-feedback``
(:mod:`.feedback`). See ``docs/jupyterhub.md``.
"""

from __future__ import annotations

import csv
import json
import os
import pwd
import re
import secrets
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from nbgrader.exchange.default.submit import ExchangeSubmit

from .. import labsetup, nbgrader_course, paths
from .coursedir import starts_with
from .feedback import DEFAULT_EXCHANGE

#: The first line of every ``jupyterhub_config.py`` the course writes.
CONFIG_MARKER = "# JupyterHub for the Deep Learning for Medical Imaging course."
DEFAULT_COURSE_DIR = "dlmi-instructor"
#: Unix user names this command accepts: what ``useradd`` takes and nbgrader's student ids allow
#: (no ``+``), lower case (JupyterHub lower-cases names at log-in).
USER_NAME = re.compile(r"^[a-z_][a-z0-9_.-]{0,31}$")
#: Folders of the course that give answers away: readable by the instructor only on a hub.
PRIVATE_FOLDERS = ("solutions", ".git", "bench-results")
ROSTER_COLUMNS = ("username", "user", "login", "student_id", "id")


def repository_root() -> Path:
    """The folder of the installed course (Makefile, ``.venv``, ``hub-proxy``)."""
    return Path(__file__).resolve().parents[3]


def proxy_command() -> Path | None:
    """``configurable-http-proxy`` as ``make hub-proxy`` installs it, else on the PATH."""
    local = repository_root() / "hub-proxy" / "node_modules" / ".bin" / "configurable-http-proxy"
    if local.is_file():
        return local
    found = shutil.which("configurable-http-proxy")
    return Path(found) if found else None


# --------------------------------------------------------------------------- the roster

def read_roster(path: Path) -> list[str]:
    """The Unix user names in a CSV roster (a column ``username``; others are ignored)."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"roster {path} does not exist; pass a CSV file with a column username, "
                         "one student per line")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"roster {path} is not UTF-8 text; save it as CSV (UTF-8) and try again") from None
    rows = list(csv.reader(text.splitlines()))
    header = [h.strip().lower() for h in rows[0]] if rows else []
    column = next((header.index(c) for c in ROSTER_COLUMNS if c in header), None)
    if column is None:
        raise ValueError(f"roster {path} has no column username in its first line (found: "
                         f"{', '.join(header) or 'nothing'}); add a header line such as: username,name")
    names, seen = [], {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        name = row[column].strip() if column < len(row) else ""
        if not USER_NAME.match(name):
            raise ValueError(f"roster {path} line {number}: {name!r} is not a Unix user name; use lower-case "
                             "letters, digits, '.', '-' and '_', starting with a letter, at most 32 characters")
        if name in seen:
            raise ValueError(f"roster {path} line {number}: {name} is already on line {seen[name]}; "
                             "list each student once")
        seen[name] = number
        names.append(name)
    if not names:
        raise ValueError(f"roster {path} lists no students; add one user name per line under the header")
    return names


def _account(name: str) -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        return None


def create_account(name: str) -> str:
    """Create the Unix user ``name`` with a private home and a random password; return it."""
    password = secrets.token_urlsafe(9)
    subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", "-K", "HOME_MODE=0700", name],
                   check=True, capture_output=True, text=True)
    subprocess.run(["chpasswd"], input=f"{name}:{password}\n", check=True, capture_output=True, text=True)
    return password


# --------------------------------------------------------------------------- permissions

def needed_paths() -> list[Path]:
    """What every user's server reads: this environment's Python (and its standard library),
    its packages, the course's package and its notebooks."""
    import site

    return [Path(sys.executable).resolve(), Path(os.__file__).resolve().parent, *map(Path, site.getsitepackages()),
            Path(__file__).resolve().parents[2], paths.course_root() / "notebooks"]


def blocked_for(account: pwd.struct_passwd, needed: list[Path]) -> Path | None:
    """The first of ``needed`` (or a folder on the way) that ``account`` may not read or enter.

    Checked as that user (a child process takes their identity), so group rights and ACLs count.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: become the user, report the first path they cannot use
        os.close(read_fd)
        try:
            os.setgroups(os.getgrouplist(account.pw_name, account.pw_gid))
            os.setgid(account.pw_gid)
            os.setuid(account.pw_uid)
            for path in needed:
                path = Path(path)
                for folder in reversed(path.parents):
                    if not os.access(folder, os.X_OK):
                        os.write(write_fd, str(folder).encode())
                        os._exit(1)
                if not os.access(path, os.R_OK) or (path.is_dir() and not os.access(path, os.X_OK)):
                    os.write(write_fd, str(path).encode())
                    os._exit(1)
            os._exit(0)
        except BaseException as err:
            os.write(write_fd, f"{getattr(err, 'filename', None) or needed[0]}".encode())
            os._exit(2)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as f:
        blocked = f.read().decode()
    _, status = os.waitpid(pid, 0)
    return Path(blocked) if blocked else None


def prepare_exchange(exchange: Path, owner: pwd.struct_passwd) -> Path:
    """The exchange as nbgrader's docs set it up, and the course's folder in it for ``owner``.

    ``exchange`` is world-writable with the sticky bit (1777). In its course folder, owned by
    the instructor, ``outbound/`` is readable by all, ``inbound/`` is writable but not listable
    and sticky (3733: nobody renames or deletes another's submission), ``feedback/`` is not
    listable (0711: a page is found only by the student who knows its name).
    """
    exchange.mkdir(parents=True, exist_ok=True)
    os.chown(exchange, 0, 0)
    exchange.chmod(0o1777)
    course = exchange / nbgrader_course.COURSE_ID
    for folder, mode in ((course, 0o755), (course / "outbound", 0o755), (course / "inbound", 0o3733),
                         (course / "feedback", 0o711)):
        folder.mkdir(exist_ok=True)
        current = folder.stat().st_uid
        if current not in (0, owner.pw_uid):
            raise ValueError(f"{folder} belongs to {pwd.getpwuid(current).pw_name}, not the instructor "
                             f"{owner.pw_name}; remove {course} or choose another --exchange")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        folder.chmod(mode)
    return course


def make_private(folder: Path, group: int) -> bool:
    """Give ``folder`` (recursively) to the group ``group`` and take every right from others."""
    if not folder.exists():
        return False
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        st = path.lstat()
        os.chown(path, st.st_uid, group)
        mode = stat.S_IMODE(st.st_mode) & ~0o007 | 0o040 | (0o010 if path.is_dir() else 0)
        path.chmod(mode)
    return True


def _private_group(instructor: pwd.struct_passwd, others: list[str]) -> int:
    import grp

    group = grp.getgrgid(instructor.pw_gid)
    sharing = sorted({*group.gr_mem} - {instructor.pw_name}
                     | {n for n in others if (a := _account(n)) and a.pw_gid == instructor.pw_gid})
    if sharing:
        raise ValueError(f"the instructor's group {group.gr_name} also holds {', '.join(sharing[:5])}: the "
                         f"solutions would be theirs too; give {instructor.pw_name} a group of their own "
                         f"(usermod -g {instructor.pw_name} {instructor.pw_name} after groupadd)")
    return instructor.pw_gid


class PrivateSubmit(ExchangeSubmit):
    """nbgrader's submit, with the submission out of reach of other students.

    nbgrader leaves a submission's folder in ``inbound/`` world-writable and its files
    world-readable, trusting that nobody can list ``inbound/``. Here the folders keep the
    instructor's group that ``inbound/`` hands down and lose every right for others (0750): only
    the student and the instructor can open it, even with its name guessed. Where ``inbound/``
    hands down no group (set up by hand), the folders are at least not writable by others.
    """

    def copy_files(self):
        super().copy_files()
        dest = Path(self.inbound_path) / self.assignment_filename
        private = dest.stat().st_gid == Path(self.inbound_path).stat().st_gid
        for path in [dest, *dest.rglob("*")]:
            path.chmod((0o750 if private else 0o755) if path.is_dir() else 0o644)


# --------------------------------------------------------------------------- files of the hub

HUB_CONFIG = '''\
{marker}
# Written by `course init-hub`; run it again to change it (see docs/jupyterhub.md).
# Start it as root from this folder: jupyterhub -f {here}/jupyterhub_config.py
import os

c = get_config()  # noqa: F821
HERE = {here!r}
VENV = {venv!r}
INSTRUCTOR = {instructor!r}
STUDENTS = {students!r}

# Where the hub listens (the proxy), and its internal ports on this machine only.
c.JupyterHub.ip = {ip!r}
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.db_url = "sqlite:///" + os.path.join(HERE, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(HERE, "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = os.path.join(HERE, "jupyterhub-proxy.pid")

# Log in with the machine's Unix accounts (PAM); only the class may.
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = {{INSTRUCTOR, *STUDENTS}}
c.Authenticator.admin_users = set()

# Every user's JupyterLab runs as that Unix user, from the course's environment (its Python
# is the kernel), in their home folder.
c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
c.Spawner.cmd = [os.path.join(VENV, "bin", "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.http_timeout = 120
c.Spawner.start_timeout = 180


def role_config(spawner):
    """The JUPYTER_CONFIG_PATH of the user's role: nbgrader's exchange and panels."""
    role = "instructor" if spawner.user.name == INSTRUCTOR else "student"
    return os.path.join(HERE, "jupyter", role)


c.Spawner.environment = {{
    "PATH": os.path.join(VENV, "bin") + ":/usr/local/bin:/usr/bin:/bin",
    "COURSE_ROOT": {course_root!r},
    "JUPYTER_CONFIG_PATH": role_config,
    # TensorFlow and numpy use this many threads per user (a class shares the cores).
    "OMP_NUM_THREADS": "{threads}",
    "OPENBLAS_NUM_THREADS": "{threads}",
    "MKL_NUM_THREADS": "{threads}",
    "TF_NUM_INTRAOP_THREADS": "{threads}",
    "TF_NUM_INTEROP_THREADS": "1",
    "TF_CPP_MIN_LOG_LEVEL": "2",
}}
# What one user may use. LocalProcessSpawner does NOT enforce these (they are only shown to
# the user's server); SystemdSpawner does (docs/jupyterhub.md, "Resource limits").
c.Spawner.mem_limit = {mem_limit!r}
c.Spawner.cpu_limit = {cpu_limit}

# An API token for the administrator's scripts (start or stop servers, list users):
# curl -H "Authorization: token $(cat {here}/admin-api-token)" http://127.0.0.1:{port}/hub/api/users
with open(os.path.join(HERE, "admin-api-token"), encoding="utf-8") as _f:
    c.JupyterHub.services = [{{"name": "course-admin", "api_token": _f.read().strip()}}]
c.JupyterHub.load_roles = [{{
    "name": "course-admin",
    "scopes": ["admin:users", "admin:servers", "tokens", "read:hub"],
    "services": ["course-admin"],
}}]
'''

NBGRADER_CONFIG = '''\
# nbgrader for the {role} on the course's JupyterHub (written by `course init-hub`).
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {course_id!r}
c.Exchange.root = {exchange!r}
'''

INSTRUCTOR_EXTRA = '''\
# The nbgrader course folder (`course init-instructor` makes it): the formgrader's and the
# nbgrader commands' course, wherever they are started.
c.CourseDirectory.root = {course_dir!r}
'''

STUDENT_EXTRA = '''\
# A submission is readable by its student and the instructor only.
c.ExchangeFactory.submit = "course_utils.cli.instructor.hub.PrivateSubmit"
'''

#: Students' servers load no formgrader (it needs the instructor's course folder).
STUDENT_SERVER_EXTENSIONS = {"nbgrader.server_extensions.formgrader": False,
                             "nbgrader.server_extensions.course_list": False}

#: Terminals run bash as is: a login shell (JupyterLab's default under a hub) would read
#: /etc/profile, which drops the course's environment from the PATH (no `course`, no `nbgrader`).
TERMINALS = {"shell_command": ["/bin/bash"]}

SYSTEMD_UNIT = '''\
# Copy to /etc/systemd/system/jupyterhub.service, then: systemctl enable --now jupyterhub
[Unit]
Description=JupyterHub for the Deep Learning for Medical Imaging course
After=network.target

[Service]
User=root
WorkingDirectory={here}
Environment=PATH={venv}/bin:/usr/local/bin:/usr/bin:/bin
ExecStart={venv}/bin/jupyterhub -f {here}/jupyterhub_config.py
Restart=on-failure

[Install]
WantedBy=multi-user.target
'''


@dataclass
class HubSetup:
    """What ``init_hub`` set up (for the message it prints, and for tests)."""

    root: Path
    config: Path
    exchange: Path
    course_dir: Path
    created: dict[str, str]
    users: list[str]


def _check_port(name: str, value: int) -> int:
    if not 1 <= int(value) <= 65535:
        raise ValueError(f"--{name} {value} is not a port; use a number from 1 to 65535")
    return int(value)


def _made_by_us(root: Path) -> bool:
    return starts_with(root / "jupyterhub_config.py", CONFIG_MARKER)


def _write(path: Path, text: str, mode: int = 0o644) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def init_hub(root: Path, instructor: str, students: Path, port: int = 8000, ip: str = "",
             exchange: Path | str = DEFAULT_EXCHANGE, hub_port: int = 8081, proxy_api_port: int = 8001,
             course_dir: Path | None = None, create_users: bool = False, protect_solutions: bool = True,
             threads: int = 1, mem_limit: str = "3G", cpu_limit: float = 1.0, say=print) -> HubSetup:
    """Set up (or update) the class server's folder ``root``; see the module's docstring."""
    root = Path(root).expanduser().absolute()
    exchange = Path(exchange).expanduser()
    if not exchange.is_absolute():
        raise ValueError(f"--exchange {exchange} must be an absolute path (every user's server uses it), "
                         f"e.g. {DEFAULT_EXCHANGE}")
    if not USER_NAME.match(instructor or ""):
        raise ValueError(f"--instructor {instructor!r} is not a Unix user name; use lower-case letters, digits, "
                         "'.', '-' and '_', starting with a letter")
    names = read_roster(students)
    if instructor in names:
        raise ValueError(f"the instructor {instructor} is also in the roster {students}; "
                         "remove them from it (the instructor does not submit)")
    ports = {"port": _check_port("port", port), "hub-port": _check_port("hub-port", hub_port),
             "proxy-api-port": _check_port("proxy-api-port", proxy_api_port)}
    if len(set(ports.values())) < 3:
        raise ValueError(f"the ports must differ, got {', '.join(f'--{k} {v}' for k, v in ports.items())}")
    if root.exists() and not root.is_dir():
        raise ValueError(f"{root} is a file; choose a folder for the hub's configuration")
    if root.is_dir() and any(root.iterdir()) and not _made_by_us(root):
        raise ValueError(f"{root} already holds files and is not a hub folder made by `course init-hub`; "
                         "choose a new or empty folder")
    proxy = proxy_command()
    if proxy is None:
        raise ValueError(f"configurable-http-proxy is missing: run `make hub-proxy` in {repository_root()} "
                         "(it needs node and npm), then this command again")
    venv = Path(sys.prefix)
    course_root = paths.course_root()
    if os.geteuid() != 0:
        raise ValueError("course init-hub sets up accounts, the exchange and a service run as root: run it as "
                         f"root, e.g. sudo {venv / 'bin' / 'course'} init-hub ...")

    missing = [n for n in [instructor, *names] if _account(n) is None]
    if missing and not create_users:
        raise ValueError(f"no Unix account for {', '.join(missing[:5])}{' and more' if len(missing) > 5 else ''}: "
                         "add --create-users (random passwords in DIR/passwords.csv), or create them first")
    created = {}
    for name in missing:
        created[name] = create_account(name)
    teacher = _account(instructor)
    needed = needed_paths()
    for name in [instructor, *names]:
        blocked = blocked_for(_account(name), needed)
        if blocked is not None:
            raise ValueError(f"{name} cannot use {blocked}, which every user's server needs (the course's Python "
                             "and packages): install the course where every user may read it, e.g. "
                             "/opt/dl-medical-imaging with the system's python3 (docs/jupyterhub.md)")
    private_homes = []
    for name in [instructor, *names]:
        home = Path(_account(name).pw_dir)
        if home.is_dir() and stat.S_IMODE(home.stat().st_mode) & 0o077:
            home.chmod(stat.S_IMODE(home.stat().st_mode) & 0o700)
            private_homes.append(name)
    course_dir = Path(course_dir) if course_dir else Path(teacher.pw_dir) / DEFAULT_COURSE_DIR

    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o755)
    prepare_exchange(exchange, teacher)
    protected = []
    if protect_solutions:
        group = _private_group(teacher, names)
        protected = [name for name in PRIVATE_FOLDERS if make_private(course_root / name, group)]

    token = root / "admin-api-token"
    if not token.is_file():
        _write(token, secrets.token_hex(32) + "\n", 0o600)
    if created:
        passwords = root / "passwords.csv"
        old = passwords.read_text(encoding="utf-8").splitlines()[1:] if passwords.is_file() else []
        _write(passwords, "username,password\n" + "".join(f"{line}\n" for line in old)
               + "".join(f"{n},{p}\n" for n, p in created.items()), 0o600)
    config = _write(root / "jupyterhub_config.py", HUB_CONFIG.format(
        marker=CONFIG_MARKER, here=str(root), venv=str(venv), instructor=instructor, students=sorted(names),
        ip=ip, port=ports["port"], hub_port=ports["hub-port"], proxy_api_port=ports["proxy-api-port"],
        proxy=str(proxy), course_root=str(course_root), threads=int(threads), mem_limit=mem_limit,
        cpu_limit=float(cpu_limit)))
    _write(root / "jupyterhub.service", SYSTEMD_UNIT.format(here=str(root), venv=str(venv)))
    for role, extra in (("instructor", INSTRUCTOR_EXTRA.format(course_dir=str(course_dir))),
                        ("student", STUDENT_EXTRA)):
        folder = root / "jupyter" / role
        _write(folder / "nbgrader_config.py",
               NBGRADER_CONFIG.format(role=f"{role}s" if role == "student" else role,
                                      course_id=nbgrader_course.COURSE_ID, exchange=str(exchange)) + extra)
        labsetup.write_role_config(folder, instructor=role == "instructor")
        (folder / "labconfig" / "page_config.json").chmod(0o644)
        (folder / "labconfig").chmod(0o755)
        folder.chmod(0o755)
    (root / "jupyter").chmod(0o755)
    for role in ("instructor", "student"):
        server = {"terminado_settings": TERMINALS}
        if role == "student":
            server["jpserver_extensions"] = STUDENT_SERVER_EXTENSIONS
        _write(root / "jupyter" / role / "jupyter_server_config.json", json.dumps({"ServerApp": server}, indent=2) + "\n")

    where = f"http://{ip or '<this server>'}:{ports['port']}/"
    say(f"Hub folder {root}: jupyterhub_config.py, jupyterhub.service, jupyter/instructor, jupyter/student")
    say(f"  users       instructor {instructor}; {len(names)} student(s) from {students}")
    if created:
        say(f"  accounts    created {len(created)} ({', '.join(list(created)[:5])}{', ...' if len(created) > 5 else ''});"
            f" their passwords are in {root / 'passwords.csv'} (root only)")
    if private_homes:
        say(f"  homes       made private (0700): {', '.join(private_homes[:5])}{', ...' if len(private_homes) > 5 else ''}")
    say(f"  exchange    {exchange} (course folder owned by {instructor})")
    if protected:
        say(f"  solutions   {', '.join(protected)} in {course_root} readable by {instructor} only")
    say(f"Next: as {instructor}, run `course init-instructor {course_dir} --exchange {exchange}` "
        f"(a terminal on the hub does), then start the hub as root: "
        f"cd {root} && {venv / 'bin' / 'jupyterhub'} -f jupyterhub_config.py; open {where}")
    return HubSetup(root, config, exchange, course_dir, created, [instructor, *names])
