"""The learner-side JupyterLab set-up that `make` writes, and the instructor's switch back."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from course_utils.cli import labsetup

ROOT = Path(__file__).resolve().parent.parent


def effective_disabled(prefix: Path) -> set[str]:
    """The plugins JupyterLab disables, computed as its server does for the page it serves."""
    from jupyterlab_server.config import get_page_config

    config = get_page_config([str(prefix / "share" / "jupyter" / "labextensions")],
                             app_settings_dir=str(labsetup.settings_dir(prefix)))
    return set(config["disabledExtensions"])


@pytest.fixture
def user_config(tmp_path, monkeypatch):
    folder = tmp_path / "user-jupyter"
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(folder))
    return folder


def test_learner_setup_hides_instructor_ui_and_news(tmp_path, user_config):
    paths = labsetup.install(tmp_path)
    assert paths == [tmp_path / "share/jupyter/lab/settings/page_config.json",
                     tmp_path / "share/jupyter/lab/settings/overrides.json"]
    disabled = effective_disabled(tmp_path)
    assert set(labsetup.INSTRUCTOR_PLUGINS + labsetup.EXCHANGE_PLUGINS) <= disabled
    assert "@jupyter/nbgrader:validate-assignment" not in disabled
    overrides = json.loads(paths[1].read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def test_setup_is_idempotent_and_keeps_other_settings(tmp_path, user_config):
    settings = labsetup.settings_dir(tmp_path)
    settings.mkdir(parents=True)
    (settings / "overrides.json").write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}))
    (settings / "page_config.json").write_text(json.dumps({"disabledExtensions": ["some-other:plugin"]}))
    first = [p.read_text() for p in labsetup.install(tmp_path)]
    second = [p.read_text() for p in labsetup.install(tmp_path)]
    assert first == second
    assert "JupyterLab Dark" in first[1] and "some-other:plugin" in first[0]


def test_exchange_keeps_the_assignments_panel(tmp_path, user_config):
    labsetup.install(tmp_path, exchange=True)
    disabled = effective_disabled(tmp_path)
    assert not set(labsetup.EXCHANGE_PLUGINS) & disabled
    assert set(labsetup.INSTRUCTOR_PLUGINS) <= disabled
    labsetup.install(tmp_path)
    assert set(labsetup.EXCHANGE_PLUGINS) <= effective_disabled(tmp_path)


def test_instructor_switch_is_per_user_and_undone(tmp_path, user_config, capsys):
    labsetup.install(tmp_path)
    from course_utils.cli import main

    assert main(["lab-setup", "--instructor"]) == 0
    assert str(user_config) in capsys.readouterr().out
    assert not set(labsetup.INSTRUCTOR_PLUGINS) & effective_disabled(tmp_path)
    assert labsetup.page_config_path(tmp_path).read_text().count("formgrader") == 1  # the environment is unchanged
    assert main(["lab-setup", "--no-instructor"]) == 0
    assert set(labsetup.INSTRUCTOR_PLUGINS) <= effective_disabled(tmp_path)


def test_make_runs_the_setup_in_its_install_step():
    makefile = (ROOT / "Makefile").read_text()
    install = re.search(r"^\$\(STAMP\):.*?(?=^\S)", makefile, flags=re.M | re.S).group(0)
    assert "-m course_utils.cli.labsetup" in install
    assert re.search(r"^browser-test:", makefile, flags=re.M)
