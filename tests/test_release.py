"""The learner release in notebooks/ is generated from solutions/ and leaks nothing."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import nbformat
import pytest

from course_utils.cli import paths
from course_utils.cli.notebook_io import grade_cells
from course_utils.cli.notebook_io import test_cells as graded_test_cells
from course_utils.cli.release import generate_release, release, stale_notebooks

ASSIGNMENTS = paths.assignments()
COURSE = [sys.executable, "-m", "course_utils.cli"]

# CURRICULUM.md: the exercise functions each notebook must define (names are a contract).
CONTRACT = {
    "00_medical_images_and_dicom": ["to_hounsfield", "apply_window", "min_max_normalize", "standardize", "deidentify"],
    "01_perceptron": ["heaviside", "perceptron_predict", "perceptron_fit"],
    "02_multilayer_perceptron": ["sigmoid", "tanh", "relu", "leaky_relu", "softmax", "dense_forward", "mlp_forward",
                                 "xor_network", "count_dense_params"],
    "03_gradient_descent": ["mse", "mse_gradients", "gradient_descent", "iterate_minibatches", "momentum_step", "adam_step"],
    "04_backpropagation": ["binary_cross_entropy", "sigmoid_backward", "relu_backward", "dense_backward",
                           "forward_backward", "numerical_gradient", "train_mlp"],
    "05_cnn_layers": ["conv_output_size", "zero_pad", "conv2d_single", "conv2d_forward", "conv2d_backward",
                      "max_pool_forward", "avg_pool_forward", "conv_param_count", "receptive_field"],
    "06_cnn_architectures": ["build_lenet5", "build_alexnet", "vgg_block", "inception_module", "residual_block",
                             "resnet_stem", "build_small_resnet"],
    "07_medical_image_classification": ["patient_split", "class_weights", "weighted_binary_crossentropy",
                                        "confusion_counts", "diagnostic_metrics", "roc_curve_points",
                                        "auc_trapezoid", "bootstrap_ci", "grad_cam"],
    "08_object_detection": ["box_iou", "non_max_suppression", "encode_grid_targets", "decode_grid_predictions",
                            "average_precision", "froc"],
    "09_semantic_segmentation": ["dice_coefficient", "iou_score", "soft_dice_loss", "conv_block", "build_unet",
                                 "build_fcn"],
}


@pytest.fixture(scope="module")
def released():
    return generate_release()


def _source(name):
    return nbformat.read(paths.source_notebook(name), as_version=4)


def test_notebooks_are_in_sync_with_solutions(released):
    problems = stale_notebooks(released)
    assert not problems, "\n".join(problems) + "\nRun `course release` and commit notebooks/."


def test_release_is_deterministic(released):
    assert generate_release() == released


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_release_contains_no_solution_or_hidden_test_text(name, released):
    text = released[name]
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        assert marker not in text, f"notebooks/{name}.ipynb contains '{marker}'"
    release_nb = nbformat.reads(text, as_version=4)
    release_code = "\n".join(c.source for c in release_nb.cells if c.cell_type == "code")
    source_cells = [c.source for c in _source(name).cells if c.cell_type == "code"]
    hidden_pattern = r"### BEGIN (SOLUTION|HIDDEN TESTS)\n(.*?)### END \1"
    visible_code = "\n".join(re.sub(hidden_pattern, "", src, flags=re.S) for src in source_cells)
    leaked = []
    for src in source_cells:
        for _, block in re.findall(hidden_pattern, src, flags=re.S):
            for line in block.splitlines():
                line = line.strip()
                if len(line) > 25 and not line.startswith("#") and line in release_code and line not in visible_code:
                    leaked.append(line)
    assert not leaked, f"notebooks/{name}.ipynb contains solution or hidden-test lines: {leaked[:5]}"


@pytest.mark.parametrize("folder", ["solutions", "notebooks"])
def test_notebooks_are_committed_without_outputs(folder):
    base = paths.course_root() / folder
    dirty = []
    for path in sorted(base.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None):
                dirty.append(f"{path.name} cell {i}")
    assert not dirty, f"{folder}/ notebooks with stored outputs or execution counts: {dirty[:5]}"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_notebook_follows_the_course_anatomy(name):
    nb = _source(name)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# "), f"{name}: must open with a title"
    for heading in ("Learning objectives", "Prerequisites", "Estimated time", "Check your understanding",
                    "Summary", "References"):
        assert heading.lower() in markdown.lower(), f"{name}: no '{heading}' section"
    cells = nb.cells
    answers = [i for i, c in enumerate(cells) if c.get("metadata", {}).get("nbgrader", {}).get("solution")]
    assert answers, f"{name}: no exercise"
    for i in answers:
        gid = cells[i].metadata.nbgrader.grade_id
        assert "### BEGIN SOLUTION" in cells[i].source, f"{name}: answer cell {gid} has no solution markers"
        before = "\n".join(c.source for c in cells[max(0, i - 3):i] if c.cell_type == "markdown")
        assert "<summary>Hint</summary>" in before, f"{name}: exercise {gid} has no collapsible hint before it"
        nxt = cells[i + 1] if i + 1 < len(cells) else None
        assert nxt is not None and nxt.get("metadata", {}).get("nbgrader", {}).get("grade"), \
            f"{name}: answer cell {gid} is not followed by its test cell"
    ids = [c.metadata.nbgrader.grade_id for c in cells if "nbgrader" in c.get("metadata", {})]
    assert len(ids) == len(set(ids)), f"{name}: duplicate nbgrader grade ids"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_notebook_defines_the_contract_functions(name):
    expected = CONTRACT.get(name)
    if expected is None:
        pytest.skip(f"{name} is not covered by the contract table of this test")
    answer_code = "\n".join(c.source for gid, c in grade_cells(_source(name)).items() if c.metadata.nbgrader.get("solution"))
    missing = [f for f in expected if not re.search(rf"^def {f}\(", answer_code, flags=re.M)]
    assert not missing, f"{name}: graded answer cells do not define {missing} (CURRICULUM.md)"
    assert graded_test_cells(_source(name)), f"{name}: no test cells"


def test_nothing_downloads_at_run_time():
    pattern = re.compile(r"urlopen|urlretrieve|requests\.get|wget |curl |fetch_openml|keras\.datasets|get_file\(")
    hits = []
    for path in sorted(paths.solutions_dir().glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code" and pattern.search(cell.source):
                hits.append(f"{path.name}: {pattern.search(cell.source).group(0)}")
    assert not hits, f"notebooks must not download anything: {hits}"


def test_release_check_names_a_stale_notebook(course_copy):
    name = ASSIGNMENTS[0]
    target = course_copy / "notebooks" / f"{name}.ipynb"
    nb = json.loads(target.read_text())
    nb["cells"][0]["source"] = ["# edited by hand\n"]
    target.write_text(json.dumps(nb, indent=1))
    proc = subprocess.run([*COURSE, "release", "--check"], capture_output=True, text=True)
    assert proc.returncode == 1
    assert f"notebooks/{name}.ipynb is out of date" in proc.stdout


def test_release_rewrites_only_notebooks_and_keeps_working_copies(course_copy):
    name = ASSIGNMENTS[0]
    target = course_copy / "notebooks" / f"{name}.ipynb"
    stray = course_copy / "notebooks" / "my_notes.ipynb"
    stray.write_text("not even a notebook")
    outside = course_copy / "learner_copy.ipynb"
    outside.write_text("{}")
    # A learner ran the release notebook in place: it has outputs now.
    nb = nbformat.read(target, as_version=4)
    code = next(c for c in nb.cells if c.cell_type == "code")
    code.outputs = [nbformat.v4.new_output("stream", text="my work\n")]
    code.execution_count = 1
    nbformat.write(nb, target)
    worked = target.read_text()
    lines = []
    assert release(out=lines.append) == 1
    assert target.read_text() == worked, "release overwrote a notebook that has outputs without --force"
    assert any("--force" in line for line in lines)
    assert stray.read_text() == "not even a notebook" and outside.read_text() == "{}"
    assert release(force=True, out=lines.append) == 0
    assert target.read_text() != worked
    assert release(out=lines.append) == 0 and stale_notebooks(generate_release()) == []
