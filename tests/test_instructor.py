"""`course init-instructor DIR`: a real nbgrader course folder that nbgrader's own commands use."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest
from traitlets.config.loader import PyFileConfigLoader

from course_utils import cli
from course_utils.cli import paths

FIRST = paths.assignments()[0]


def course(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "course_utils.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd)


def nbgrader(*args, cwd):
    return subprocess.run([str(Path(sys.executable).parent / "nbgrader"), *map(str, args)],
                          capture_output=True, text=True, cwd=cwd)


def test_init_instructor_makes_a_course_folder_nbgrader_uses(course_copy, tmp_path):
    target = tmp_path / "my course"
    proc = course("init-instructor", target, "--timeout", 90)
    assert proc.returncode == 0, proc.stderr
    assert "Created the nbgrader course folder" in proc.stdout
    for path in ("nbgrader_config.py", "gradebook.db", f"source/{FIRST}/{FIRST}.ipynb",
                 f"release/{FIRST}/{FIRST}.ipynb"):
        assert (target / path).is_file(), path
    assert stat.S_IMODE((target / "exchange").stat().st_mode) == 0o777, "every user must be able to submit"
    assert (target / "source" / FIRST / f"{FIRST}.ipynb").read_bytes() == paths.source_notebook(FIRST).read_bytes()

    config = PyFileConfigLoader("nbgrader_config.py", path=str(target)).load_config()
    assert config.Execute.timeout == 90 and config.Execute.interrupt_on_timeout
    assert config.OverwriteCells.add_missing_cells
    assert config.Exchange.root == str((target / "exchange").resolve())
    assert config.CourseDirectory.course_id == "dl-medical-imaging"
    assert "course_utils.cli.grading.CourseExecute" in config.Autograde.autograde_preprocessors
    assert "nbgrader.preprocessors.ClearHiddenTests" in config.GenerateFeedback.preprocessors

    # nbgrader's own commands work there, and a second run keeps the gradebook
    assert nbgrader("db", "student", "add", "ana", cwd=target).returncode == 0
    proc = nbgrader("generate_assignment", FIRST, "--force", cwd=target)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = course("init-instructor", target)
    assert proc.returncode == 0 and "Updated" in proc.stdout, proc.stderr
    listing = nbgrader("db", "student", "list", cwd=target)
    assert "ana" in listing.stdout, listing.stdout + listing.stderr


def test_init_instructor_refuses_folders_it_did_not_make(course_copy, tmp_path, capsys):
    (tmp_path / "thesis").mkdir()
    (tmp_path / "thesis" / "chapter1.tex").write_text("x")
    (tmp_path / "file.txt").write_text("x")
    for args, expected in (([tmp_path / "thesis"], "not a course folder made by"),
                           ([tmp_path / "file.txt"], "is a file"),
                           ([tmp_path / "new", "--exchange", tmp_path / "file.txt" / "ex"], "as an administrator run")):
        code = cli.main(["init-instructor", *map(str, args)])
        lines = [ln for ln in capsys.readouterr().err.splitlines() if ln.strip()]
        assert code == 2 and len(lines) == 1 and expected in lines[0], lines
    assert sorted(p.name for p in (tmp_path / "thesis").iterdir()) == ["chapter1.tex"]


def test_config_file_falls_back_to_nbgrader_when_the_course_package_is_missing(tmp_path):
    """An instructor's machine without the course package still gets a working config file."""
    from course_utils.cli import nbgrader_course

    nbgrader_course.write_config_file(tmp_path, 60)
    code = (tmp_path / "nbgrader_config.py").read_text()
    code = code.replace("import course_utils.cli.grading", "import course_utils_that_is_not_installed")
    (tmp_path / "nbgrader_config.py").write_text(code)
    config = PyFileConfigLoader("nbgrader_config.py", path=str(tmp_path)).load_config()
    assert config.Execute.timeout == 60
    assert "autograde_preprocessors" not in config.Autograde


@pytest.mark.parametrize("command", ["grade", "init-instructor"])
def test_help_documents_the_commands(command):
    proc = course(command, "--help")
    assert proc.returncode == 0 and "--timeout" in proc.stdout
