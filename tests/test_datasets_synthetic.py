"""Synthetic datasets: determinism, exact ground truth, value ranges, arguments, speed."""

from __future__ import annotations

import dataclasses
import time

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from course_utils.datasets import (
    TISSUE_NAMES,
    ChestXrayNodules,
    CTPhantom,
    UltrasoundNerves,
    chest_xray_nodules,
    ct_phantom,
    ultrasound_nerves,
)


def timed(function, **kwargs):
    start = time.process_time()
    data = function(progress=False, **kwargs)
    return data, time.process_time() - start


@pytest.fixture(scope="module")
def chest():
    return timed(chest_xray_nodules)


@pytest.fixture(scope="module")
def nerves():
    return timed(ultrasound_nerves)


@pytest.fixture(scope="module")
def phantom():
    return timed(ct_phantom)


def fields_equal(a, b) -> bool:
    for field in dataclasses.fields(a):
        x, y = getattr(a, field.name), getattr(b, field.name)
        if isinstance(x, list):
            if len(x) != len(y) or not all(np.array_equal(p, q) for p, q in zip(x, y)):
                return False
        elif not np.array_equal(x, y):
            return False
    return True


# --------------------------------------------------------------------------- determinism


@pytest.mark.parametrize(
    "function, kwargs",
    [
        (chest_xray_nodules, dict(n_patients=12, images_per_patient=3)),
        (ultrasound_nerves, dict(n=24)),
        (ct_phantom, dict(n=24)),
    ],
)
def test_same_seed_same_arrays_other_seed_different(function, kwargs):
    a = function(seed=7, progress=False, **kwargs)
    b = function(seed=7, progress=False, **kwargs)
    c = function(seed=8, progress=False, **kwargs)
    assert fields_equal(a, b), f"{function.__name__}(seed=7) gave different arrays on two calls"
    assert not np.array_equal(a.images, c.images), f"{function.__name__}: seeds 7 and 8 gave the same images"


def test_progress_bar_does_not_change_the_data(capsys):
    quiet = ultrasound_nerves(n=300, seed=3, progress=False)
    shown = ultrasound_nerves(n=300, seed=3, progress=True)
    assert fields_equal(quiet, shown)
    assert "ultrasound_nerves" in capsys.readouterr().err


# --------------------------------------------------------------------------- chest X-ray


def test_chest_shapes_dtypes_ranges(chest):
    data, _ = chest
    assert isinstance(data, ChestXrayNodules)
    n = 250 * 8
    assert data.images.shape == (n, 64, 64, 1) and data.images.dtype == np.float32
    assert data.masks.shape == (n, 64, 64, 1) and data.masks.dtype == np.uint8
    assert data.labels.shape == (n,) and data.labels.dtype == np.int64
    assert data.patient_ids.shape == (n,) and data.patient_ids.dtype == np.int64
    assert len(data.boxes) == n and len(data) == n
    assert 0.0 <= data.images.min() and data.images.max() <= 1.0
    assert set(np.unique(data.masks)) <= {0, 1}
    assert set(np.unique(data.labels)) == {0, 1}
    assert 0.25 <= data.labels.mean() <= 0.35, "prevalence 0.3 is the expected share of positive images"
    np.testing.assert_array_equal(data.patient_ids, np.repeat(np.arange(250), 8))


def test_chest_label_is_one_exactly_when_a_nodule_is_present(chest):
    data, _ = chest
    counts = np.array([len(b) for b in data.boxes])
    np.testing.assert_array_equal(data.labels, (counts > 0).astype(np.int64))
    np.testing.assert_array_equal(data.labels, data.masks.any(axis=(1, 2, 3)).astype(np.int64))
    assert counts.max() <= 3


def test_chest_boxes_are_tight_around_their_nodules(chest):
    data, _ = chest
    for i in np.nonzero(data.labels)[0]:
        mask = data.masks[i, :, :, 0].astype(bool)
        covered = np.zeros_like(mask)
        boxes = data.boxes[i]
        assert boxes.dtype == np.float32 and boxes.shape[1] == 4
        for x0, y0, x1, y1 in boxes.astype(int):
            assert 0 <= x0 < x1 <= 64 and 0 <= y0 < y1 <= 64, f"image {i}: box outside the image"
            inside = mask[y0:y1, x0:x1]
            # tight: every edge row/column of the box touches the nodule
            assert inside[0].any() and inside[-1].any() and inside[:, 0].any() and inside[:, -1].any(), (
                f"image {i}: box {(x0, y0, x1, y1)} is not tight around its mask"
            )
            covered[y0:y1, x0:x1] = True
        assert not (mask & ~covered).any(), f"image {i}: a nodule pixel lies outside every box"


def test_chest_nodules_sit_in_the_lungs_and_vary(chest):
    data, _ = chest
    boxes = np.concatenate([b for b in data.boxes if len(b)])
    widths = boxes[:, 2] - boxes[:, 0]
    assert widths.min() >= 3 and widths.max() <= 13
    assert len(np.unique(widths)) >= 6, "nodule sizes should vary"
    centres_x = (boxes[:, 0] + boxes[:, 2]) / 2
    assert (np.abs(centres_x - 32) > 4).all(), "no nodule should be centred on the spine or mediastinum"


def test_chest_patient_traits_are_shared(chest):
    data, _ = chest
    flat = data.images[:, :, :, 0].reshape(len(data), -1)
    means = flat.mean(axis=1).reshape(250, 8)
    within = means.std(axis=1).mean()
    across = means.mean(axis=1).std()
    assert within < 0.5 * across, "images of one patient should look more alike than images of different patients"
    labels = data.labels.reshape(250, 8)
    mixed_or_positive = (labels.sum(axis=1) > 0).mean()
    assert mixed_or_positive < 0.6, "positive images should cluster in the patients who have nodules"


def test_chest_size_parameter(tmp_path):
    small = chest_xray_nodules(n_patients=6, images_per_patient=2, size=32, prevalence=1.0, progress=False)
    large = chest_xray_nodules(n_patients=3, images_per_patient=1, size=128, prevalence=1.0, progress=False)
    assert small.images.shape == (12, 32, 32, 1) and large.images.shape == (3, 128, 128, 1)
    assert small.labels.all() and large.labels.all()
    for data, size in ((small, 32), (large, 128)):
        boxes = np.concatenate(data.boxes)
        assert boxes.min() >= 0 and boxes.max() <= size


# --------------------------------------------------------------------------- ultrasound


def test_ultrasound_shapes_and_ground_truth(nerves):
    data, _ = nerves
    assert isinstance(data, UltrasoundNerves)
    n = 2000
    assert data.images.shape == (n, 64, 64, 1) and data.images.dtype == np.float32
    assert 0.0 <= data.images.min() and data.images.max() <= 1.0
    for masks in (data.masks, data.needle_masks):
        assert masks.shape == (n, 64, 64, 1) and masks.dtype == np.uint8
        assert set(np.unique(masks)) <= {0, 1}
    nerve_area = data.masks.sum(axis=(1, 2, 3))
    assert (nerve_area > 40).all(), "every image shows one nerve"
    assert data.needle_labels.dtype == np.int64
    np.testing.assert_array_equal(data.needle_labels, data.needle_masks.any(axis=(1, 2, 3)))
    assert 0.45 <= data.needle_labels.mean() <= 0.55
    for i in range(n):
        box = data.needle_boxes[i]
        assert box.shape == (int(data.needle_labels[i]), 4) and box.dtype == np.float32
        if data.needle_labels[i]:
            rows, cols = np.nonzero(data.needle_masks[i, :, :, 0])
            np.testing.assert_array_equal(box[0], [cols.min(), rows.min(), cols.max() + 1, rows.max() + 1])


def _shift_or(mask: np.ndarray, k: int) -> np.ndarray:
    out = mask.copy()
    for axis in (0, 1):
        for s in range(1, k + 1):
            out |= np.roll(mask, s, axis) | np.roll(mask, -s, axis)
    return out


def test_ultrasound_nerve_is_hypoechoic_inside_a_bright_rim(nerves):
    data, _ = nerves
    darker, brighter = [], []
    for image, mask in zip(data.images[:300, :, :, 0], data.masks[:300, :, :, 0].astype(bool)):
        core = ~_shift_or(~mask, 2)  # nerve eroded by 2 px
        rim = mask & _shift_or(~mask, 1)  # its outermost pixels
        around = _shift_or(mask, 4) & ~_shift_or(mask, 1)  # tissue just outside
        darker.append(np.median(image[core]) < np.median(image[around]))
        brighter.append(np.median(image[rim]) > np.median(image[around]))
    assert np.mean(darker) > 0.85, "the nerve's fascicles should be darker than the tissue around it"
    assert np.mean(brighter) > 0.95, "the epineurium (rim) should be brighter than the tissue around it"


def test_ultrasound_needle_switches(tmp_path):
    none = ultrasound_nerves(n=40, with_needle=False, progress=False)
    assert not none.needle_labels.any() and not none.needle_masks.any()
    assert all(len(b) == 0 for b in none.needle_boxes)
    every = ultrasound_nerves(n=40, needle_prevalence=1.0, progress=False)
    assert every.needle_labels.all()


# --------------------------------------------------------------------------- CT phantom


def test_ct_phantom_hounsfield_units(phantom):
    data, _ = phantom
    assert isinstance(data, CTPhantom)
    assert data.images.shape == (1000, 64, 64, 1) and data.images.dtype == np.float32
    assert data.tissues.shape == (1000, 64, 64) and data.tissues.dtype == np.uint8
    assert data.images.min() >= -1024 and data.images.max() <= 3071
    hu = data.images[..., 0]
    expected = {"air": (-1000, 40), "fat": (-100, 30), "soft tissue": (45, 30)}
    for name, (centre, tolerance) in expected.items():
        value = np.median(hu[data.tissues == TISSUE_NAMES.index(name)])
        assert abs(value - centre) < tolerance, f"median {name} is {value:.0f} HU, expected about {centre}"
    assert np.median(hu[data.tissues == TISSUE_NAMES.index("lung")]) < -650  # small: partial volume
    assert np.median(hu[data.tissues == TISSUE_NAMES.index("bone")]) > 300
    assert np.percentile(hu[data.tissues == TISSUE_NAMES.index("bone")], 90) > 700


def test_ct_phantom_lesions(phantom):
    data, _ = phantom
    np.testing.assert_array_equal(data.labels, data.masks.any(axis=(1, 2, 3)))
    assert 0.4 <= data.labels.mean() <= 0.6
    lesion = data.masks[..., 0].astype(bool)
    np.testing.assert_array_equal(lesion, data.tissues == TISSUE_NAMES.index("lesion"))
    hu = data.images[..., 0]
    soft = data.tissues == TISSUE_NAMES.index("soft tissue")
    differences = []
    for i in np.nonzero(data.labels)[0]:
        grown = lesion[i].copy()
        for axis in (0, 1):
            for shift in (-2, -1, 1, 2):
                grown |= np.roll(lesion[i], shift, axis=axis)
        ring = grown & ~lesion[i] & soft[i]  # liver around the lesion
        differences.append(np.median(hu[i][lesion[i]]) - np.median(hu[i][ring]))
    differences = np.array(differences)
    assert np.median(differences) < -10, "lesions should be hypodense relative to the liver around them"
    assert (differences < 0).mean() > 0.8


# --------------------------------------------------------------------------- difficulty


def _auc_of_statistics(images: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    flat = images.reshape(len(images), -1)
    stats = {"mean": flat.mean(1), "std": flat.std(1), "max": flat.max(1), "min": flat.min(1)}
    return {name: roc_auc_score(labels, score) for name, score in stats.items()}


def test_no_global_intensity_statistic_separates_the_classes(chest, nerves, phantom):
    cases = {
        "chest nodules": (chest[0].images, chest[0].labels),
        "needle": (nerves[0].images, nerves[0].needle_labels),
        "CT lesion": (phantom[0].images, phantom[0].labels),
    }
    for case, (images, labels) in cases.items():
        for stat, auc in _auc_of_statistics(images, labels).items():
            assert 0.3 < auc < 0.7, f"{case}: the image {stat} alone gives AUC {auc:.3f}; the task would be trivial"


# --------------------------------------------------------------------------- speed


def test_generation_is_fast(chest, nerves, phantom):
    # CPU seconds (robust to other processes); about 1-2 s each on one core
    timings = {"chest_xray_nodules": chest[1], "ultrasound_nerves": nerves[1], "ct_phantom": phantom[1]}
    for name, seconds in timings.items():
        assert seconds < 8.0, f"{name} at its defaults took {seconds:.1f} CPU seconds"


# --------------------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    "function, kwargs, match",
    [
        (chest_xray_nodules, dict(n_patients=0), "n_patients must be at least 1"),
        (chest_xray_nodules, dict(n_patients=2.5), "n_patients must be a whole number"),
        (chest_xray_nodules, dict(images_per_patient=-1), "images_per_patient"),
        (chest_xray_nodules, dict(size=16), "size must be between 32 and 512"),
        (chest_xray_nodules, dict(prevalence=1.5), r"prevalence must be in \[0.0, 1.0\]"),
        (chest_xray_nodules, dict(prevalence="high"), "prevalence must be a number"),
        (chest_xray_nodules, dict(max_nodules=0), "max_nodules"),
        (chest_xray_nodules, dict(nodule_contrast=0.0), "nodule_contrast"),
        (chest_xray_nodules, dict(noise=-1.0), "noise"),
        (chest_xray_nodules, dict(seed=-3), "seed must be a non-negative int"),
        (chest_xray_nodules, dict(seed=True), "seed"),
        (chest_xray_nodules, dict(n_patients=100_000, images_per_patient=100), "GB"),
        (ultrasound_nerves, dict(n=0), "n must be at least 1"),
        (ultrasound_nerves, dict(with_needle="yes"), "with_needle must be True or False"),
        (ultrasound_nerves, dict(needle_prevalence=-0.1), "needle_prevalence"),
        (ultrasound_nerves, dict(size=1024), "size"),
        (ct_phantom, dict(n=-5), "n must be at least 1"),
        (ct_phantom, dict(lesion_prevalence=2), "lesion_prevalence"),
        (ct_phantom, dict(seed=1.5), "seed"),
    ],
)
def test_bad_arguments_raise_value_error(function, kwargs, match):
    with pytest.raises(ValueError, match=match):
        function(**kwargs)
