"""``datasets/manifest.json`` and the ``course datasets`` command (called through ``run``)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from course_utils.datasets import chest_xray_nodules, cli, manifest
from course_utils.datasets.catalog import CATALOG, synthetic_names

DATASETS_DIR = Path(manifest.__file__).resolve().parents[2] / "datasets"


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="course")
    cli.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["datasets", *argv])


@pytest.fixture(scope="module")
def recorded() -> dict:
    return manifest.load_manifest()


def test_manifest_lists_every_synthetic_dataset_with_its_defaults(recorded):
    assert list(recorded["datasets"]) == synthetic_names()
    for name, function in manifest.generators().items():
        entry = recorded["datasets"][name]
        assert entry["params"] == json.loads(json.dumps(manifest.default_params(function)))
        assert len(entry["sha256"]) == 64


def test_digest_matches_the_manifest_for_a_fresh_generation(recorded):
    data = chest_xray_nodules(progress=False)
    digest = manifest.dataset_digest(data)
    assert digest["sha256"] == recorded["datasets"]["chest_xray_nodules"]["sha256"], (
        "chest_xray_nodules() no longer matches datasets/manifest.json; if the change is intended run "
        "`course datasets --write-manifest`"
    )


def test_digest_sees_any_change():
    data = chest_xray_nodules(n_patients=3, images_per_patient=2, prevalence=1.0, progress=False)
    base = manifest.dataset_digest(data)["sha256"]
    data.images[0, 0, 0, 0] += np.float32(1e-3)
    assert manifest.dataset_digest(data)["sha256"] != base
    data.images[0, 0, 0, 0] -= np.float32(1e-3)
    data.boxes[1][0, 0] += 1
    assert manifest.dataset_digest(data)["sha256"] != base


def test_every_dataset_has_a_card_and_figure():
    for info in CATALOG:
        card = DATASETS_DIR / info.card
        assert card.is_file(), f"missing data card {card}"
    for name in ("chest_xray_nodules", "ultrasound_nerves", "ct_phantom", "mni_brain"):
        figure = DATASETS_DIR / "figures" / f"{name}.png"
        assert figure.is_file() and figure.stat().st_size < 250_000, f"{figure}: missing or too large"


def test_cli_lists_verifies_and_explains_own_data(capsys):
    code = cli.run(parse(["--only", "ct_phantom"]))
    out = capsys.readouterr().out
    assert code == 0
    for info in CATALOG:
        assert info.name in out
    assert "ct_phantom" in out and "OK" in out
    assert "any folder" in out and "load_dicom_series" in out


def test_cli_reports_a_mismatch_naming_the_dataset(tmp_path, recorded, capsys):
    tampered = json.loads(json.dumps(recorded))
    entry = tampered["datasets"]["ct_phantom"]
    entry["sha256"] = "0" * 64
    entry["fields"]["labels"]["sha256"] = "0" * 64
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(tampered))
    code = cli.run(parse(["--only", "ct_phantom", "--manifest", str(path)]))
    captured = capsys.readouterr()
    assert code == 1
    assert "MISMATCH" in captured.out
    assert "ct_phantom does not match the manifest" in captured.err and "labels" in captured.err


def test_cli_missing_manifest_and_list_only(tmp_path, capsys):
    assert cli.run(parse(["--manifest", str(tmp_path / "absent.json")])) == 2
    assert "no dataset manifest" in capsys.readouterr().err
    assert cli.run(parse(["--no-verify"])) == 0
    assert "Verifying" not in capsys.readouterr().out


def test_tolerant_comparison_accepts_last_bit_differences_only(recorded):
    entry = recorded["datasets"]["ct_phantom"]
    fresh = json.loads(json.dumps(entry))
    fresh["sha256"] = "1" * 64
    fresh["fields"]["images"]["sha256"] = "1" * 64
    fresh["fields"]["images"]["fingerprint"]["mean"] += 1e-9
    status, _ = manifest._compare("ct_phantom", entry, fresh)
    assert status == "ok-tolerance"
    fresh["fields"]["images"]["fingerprint"]["samples"][3] += 1.0
    status, message = manifest._compare("ct_phantom", entry, fresh)
    assert status == "mismatch" and "images" in message
    fresh = json.loads(json.dumps(entry))
    fresh["sha256"] = "1" * 64
    fresh["fields"]["masks"]["sha256"] = "1" * 64  # integer fields must match exactly
    status, message = manifest._compare("ct_phantom", entry, fresh)
    assert status == "mismatch" and "masks" in message


def test_course_command_line_runs_datasets(tmp_path, recorded):
    """``python -m course_utils.cli datasets`` (the ``course`` entry point) reaches ``run``."""
    tampered = json.loads(json.dumps(recorded))
    tampered["datasets"]["ct_phantom"]["sha256"] = "f" * 64
    tampered["datasets"]["ct_phantom"]["fields"]["tissues"]["sha256"] = "f" * 64
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(tampered))
    env = {**os.environ, "MPLCONFIGDIR": str(tmp_path / "mpl")}
    done = subprocess.run(
        [sys.executable, "-m", "course_utils.cli", "datasets", "--only", "ct_phantom", "--manifest", str(path)],
        capture_output=True, text=True, timeout=300, env=env,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "ct_phantom does not match the manifest" in done.stderr and "tissues" in done.stderr
