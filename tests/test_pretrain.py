"""``course pretrain``: the shipped backbone weights match the manifest, and retraining reproduces them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from course_utils.cli import paths
from course_utils.cli import pretrain


def test_shipped_weights_match_the_manifest():
    path = pretrain.verify_file()
    assert path.stat().st_size < 1_000_000, f"{path} should stay well under 1 MB"


def test_shipped_weights_load_into_the_backbone():
    backbone = pretrain.build_backbone()
    backbone.load_weights(pretrain.verify_file())
    assert pretrain.arrays_digest(backbone) == pretrain._manifest_entry()["arrays_sha256"]


def test_verify_file_names_the_fix_on_a_changed_file(tmp_path):
    bad = tmp_path / "w.weights.h5"
    data = bytearray(pretrain.weights_path().read_bytes())
    data[len(data) // 2] ^= 0xFF                     # one byte changed
    bad.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="course pretrain --write"):
        pretrain.verify_file(bad)
    with pytest.raises(FileNotFoundError, match="git checkout"):
        pretrain.verify_file(tmp_path / "missing.weights.h5")


def test_course_pretrain_fast_reproduces_the_recorded_checksum():
    result = subprocess.run([sys.executable, "-m", "course_utils.cli", "pretrain", "--fast"],
                            cwd=paths.course_root(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: identical" in result.stdout
