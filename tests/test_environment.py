"""Set-up files agree with each other: pins, environment.yml, packaging, Makefile, CI."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from course_utils.cli import kernel

ROOT = Path(__file__).resolve().parent.parent


def _name(req: str) -> str:
    return re.split(r"[<>=!~ ;\[]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pins() -> dict[tuple[str, str], str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        req, _, marker = line.partition(";")
        name, version = req.split("==")
        pins[(_name(name), marker.strip())] = version.strip()
    return pins


def test_every_constraint_is_an_exact_pin():
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            assert re.match(r"^[A-Za-z0-9_.\-]+==[^=\s;]+(\s*;.*)?$", line), f"not an exact pin: {line}"


def test_environment_yml_agrees_with_constraints():
    text = (ROOT / "environment.yml").read_text()
    assert "- -c constraints.txt" in text
    pins = _pins()
    entries = re.findall(r"^\s+- ([A-Za-z0-9_.\-]+)==([^\s;]+)\s*(?:;\s*(.*))?$", text, flags=re.M)
    assert len(entries) >= 10
    for name, version, marker in entries:
        key = (_name(name), (marker or "").strip())
        assert key in pins, f"environment.yml pins {name} ({marker or 'no marker'}), constraints.txt does not"
        assert pins[key] == version, f"{name}: environment.yml has {version}, constraints.txt has {pins[key]}"
    python = re.search(r"- python=(\d+\.\d+)", text).group(1)
    assert tuple(map(int, python.split("."))) >= (3, 10)


def test_every_declared_dependency_is_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pinned = {name for name, _ in _pins()}
    declared = project["dependencies"] + project["optional-dependencies"]["test"] + project["optional-dependencies"]["hub"]
    missing = [d for d in declared if _name(d) not in pinned]
    assert not missing, f"declared but not pinned in constraints.txt: {missing}"
    yml = (ROOT / "environment.yml").read_text()
    not_in_yml = [d for d in declared if not re.search(rf"^\s+- {re.escape(_name(d))}==", yml, flags=re.M)]
    assert not not_in_yml, f"declared but missing from environment.yml: {not_in_yml}"


def test_make_installs_with_the_constraints_and_ci_runs_make_test():
    makefile = (ROOT / "Makefile").read_text()
    assert "-c constraints.txt" in makefile
    assert re.search(r"^lab:", makefile, flags=re.M) and re.search(r"^test:", makefile, flags=re.M)
    assert "--allow-root" in makefile and "notebooks" in makefile
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test\s*$", ci, flags=re.M)


def test_make_installs_the_hub_and_its_pinned_proxy():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r'-e "\.\[[^"]*\bhub\b[^"]*\]"', makefile), "make's install must include the hub extra"
    package = json.loads((ROOT / "hub-proxy" / "package.json").read_text())
    assert re.fullmatch(r"\d+\.\d+\.\d+", package["dependencies"]["configurable-http-proxy"]), "an exact version"
    lock = json.loads((ROOT / "hub-proxy" / "package-lock.json").read_text())
    pinned = lock["packages"]["node_modules/configurable-http-proxy"]["version"]
    assert pinned == package["dependencies"]["configurable-http-proxy"]
    assert all("integrity" in entry for name, entry in lock["packages"].items() if name), "every package checked"
    assert "npm ci --prefix hub-proxy" in makefile, "installed exactly as the lock says"
    assert re.search(r"^test: .*\bhub-proxy\b", makefile, flags=re.M)
    ci = (ROOT / ".ci" / "run").read_text()
    commands = [line.strip() for line in ci.splitlines() if line.strip().startswith("make")]
    assert commands.index("make hub-proxy") < commands.index("make test")
    assert "/hub-proxy/node_modules/" in (ROOT / ".gitignore").read_text()


def test_readme_quick_start_is_two_commands():
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"## Quick start.*?```(?:bash|sh)?\n(.*?)```", readme, flags=re.S)
    assert block, "README.md needs a '## Quick start' section with a code block"
    commands = [ln for ln in block.group(1).splitlines() if ln.strip() and not ln.strip().startswith("#")]
    assert commands == ["make lab", "make test"], commands


def test_kernel_configuration_is_written(tmp_path):
    path = kernel.install(prefix=str(tmp_path))
    text = path.read_text()
    assert path == tmp_path / "etc" / "ipython" / "ipython_kernel_config.py"
    assert "capture_fd_output = False" in text


def test_makefile_targets_parse():
    import shutil
    import subprocess

    if shutil.which("make") is None:
        import pytest

        pytest.skip("make is not installed")
    proc = subprocess.run(["make", "-n", "-C", str(ROOT), "lab", "test", "bench", "grade-bench", "release",
                           "check-release"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
