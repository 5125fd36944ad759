"""Loaders for a learner's own data, on files the tests write into ``tmp_path``.

The DICOM series are built from pydicom's CT sample with misleading file names and
InstanceNumbers, an oblique orientation whose normal points against patient z, and a slice
gap that differs from SliceThickness: only sorting by position along the normal, and taking
the spacing from the positions, gives the right volume.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import nibabel as nib
import numpy as np
import pydicom
import pytest
from pydicom.uid import generate_uid

from course_utils.datasets import (
    DicomSeries,
    MedMNISTArrays,
    UnevenSliceSpacingWarning,
    ct_sample,
    load_dicom_series,
    load_medmnist,
    load_nifti,
)

# rows along patient x; columns tilted so that the slice normal is (0, 0.8, -0.6):
# positions increase along the normal while patient z decreases
ORIENTATION = [1.0, 0.0, 0.0, 0.0, -0.6, -0.8]
NORMAL = np.array([0.0, 0.8, -0.6])
ORIGIN = np.array([-80.0, -60.0, 40.0])


def write_series(
    folder: Path,
    n_slices: int = 6,
    gap: float = 2.5,
    thickness: float = 5.0,
    series_uid: str | None = None,
    skip: tuple[int, ...] = (),
    prefix: str = "IMG",
    seed: int = 0,
) -> tuple[str, list[int]]:
    """Write a CT series whose slice ``k`` (along the normal) has pixel values ``k * 100`` higher.

    File names and InstanceNumbers follow a shuffled order unrelated to position.
    Returns the series UID and the true indices written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    series_uid = series_uid or generate_uid()
    rng = np.random.default_rng(seed)
    name_order = rng.permutation(n_slices)
    base = ct_sample().pixel_array.astype(np.int16)
    written = []
    for k in range(n_slices):
        if k in skip:
            continue
        ds = ct_sample()
        ds.SeriesInstanceUID = series_uid
        ds.SOPInstanceUID = generate_uid()
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.ImageOrientationPatient = ORIENTATION
        ds.ImagePositionPatient = [float(x) for x in ORIGIN + k * gap * NORMAL]
        ds.SliceThickness = thickness
        ds.InstanceNumber = n_slices - int(name_order[k])  # misleading order
        ds.SliceLocation = float(rng.uniform(-100, 100))  # noise, must be ignored
        ds.PixelData = (base + 100 * k).astype(np.int16).tobytes()
        ds.save_as(folder / f"{prefix}{int(name_order[k]):03d}.dcm")
        written.append(k)
    return series_uid, written


def expected_hu(k: int) -> np.ndarray:
    ds = ct_sample()
    return (ds.pixel_array.astype(np.float32) + 100 * k) * float(ds.RescaleSlope) + float(ds.RescaleIntercept)


# --------------------------------------------------------------------------- DICOM


def test_dicom_series_sorted_along_normal_with_spacing_from_positions(tmp_path):
    uid, written = write_series(tmp_path / "ct", n_slices=6, gap=2.5, thickness=5.0)
    result = load_dicom_series(tmp_path / "ct")
    assert isinstance(result, DicomSeries)
    assert result.volume.shape == (6, 128, 128)
    assert result.volume.dtype == np.float32
    for k in written:
        np.testing.assert_array_equal(result.volume[k], expected_hu(k), err_msg=f"slice {k} out of order")
    dz, dy, dx = result.spacing
    assert dz == pytest.approx(2.5), "z spacing must come from the positions, not SliceThickness (5.0)"
    assert (dy, dx) == pytest.approx((0.661468, 0.661468))
    assert np.all(np.diff(result.positions) > 0)
    assert result.series_uid == uid
    assert result.origin == pytest.approx(tuple(ORIGIN))
    volume, spacing = result  # unpacks as (volume, spacing)
    assert volume is result.volume and spacing == result.spacing


def test_dicom_values_are_hounsfield_units(tmp_path):
    write_series(tmp_path / "ct", n_slices=2)
    volume = load_dicom_series(tmp_path / "ct").volume
    raw = ct_sample().pixel_array.astype(np.float32)
    np.testing.assert_allclose(volume[0], raw - 1024.0)  # CT_small: slope 1, intercept -1024


def test_dicom_skips_files_that_are_not_dicom(tmp_path):
    write_series(tmp_path / "ct", n_slices=3)
    (tmp_path / "ct" / "README.txt").write_text("notes about this scan\n")
    (tmp_path / "ct" / "AAA_first_by_name.dcm").write_bytes(b"\x00" * 64)  # .dcm name, not DICOM
    result = load_dicom_series(tmp_path / "ct")
    assert result.volume.shape[0] == 3
    assert all(p.suffix == ".dcm" and p.name.startswith("IMG") for p in result.files)


@pytest.mark.parametrize("keep_bytes", ["half", 300])
def test_dicom_truncated_file_raises_naming_it(tmp_path, keep_bytes):
    write_series(tmp_path / "ct", n_slices=3)
    victim = sorted((tmp_path / "ct").glob("*.dcm"))[1]
    data = victim.read_bytes()
    victim.write_bytes(data[: len(data) // 2 if keep_bytes == "half" else keep_bytes])
    with pytest.raises(ValueError, match=victim.name) as info:
        load_dicom_series(tmp_path / "ct")
    assert "truncated" in str(info.value)


def test_dicom_two_series_listed_unless_one_is_chosen(tmp_path):
    folder = tmp_path / "mixed"
    uid_a, _ = write_series(folder, n_slices=4, prefix="A", seed=1)
    uid_b, _ = write_series(folder, n_slices=3, gap=1.0, prefix="B", seed=2)
    with pytest.raises(ValueError) as info:
        load_dicom_series(folder)
    message = str(info.value)
    assert uid_a in message and uid_b in message
    assert "4 slices" in message and "3 slices" in message
    assert "series_uid" in message
    b = load_dicom_series(folder, series_uid=uid_b)
    assert b.volume.shape[0] == 3 and b.spacing[0] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="no series"):
        load_dicom_series(folder, series_uid="1.2.3.4")


def test_dicom_uneven_gaps_warn_naming_them(tmp_path):
    write_series(tmp_path / "ct", n_slices=6, gap=2.5, skip=(3,))
    with pytest.warns(UnevenSliceSpacingWarning, match=r"5\.000 mm between"):
        result = load_dicom_series(tmp_path / "ct")
    assert result.volume.shape[0] == 5
    assert result.spacing[0] == pytest.approx(2.5)


def test_dicom_even_series_does_not_warn(tmp_path):
    write_series(tmp_path / "ct", n_slices=4)
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnevenSliceSpacingWarning)
        load_dicom_series(tmp_path / "ct")


def test_dicom_bad_folders(tmp_path):
    with pytest.raises(FileNotFoundError, match="no folder"):
        load_dicom_series(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("x")
    with pytest.raises(ValueError, match="expected a folder of DICOM files"):
        load_dicom_series(tmp_path / "empty")
    write_series(tmp_path / "ct", n_slices=1)
    one = next((tmp_path / "ct").glob("*.dcm"))
    with pytest.raises(ValueError, match="expected a folder of DICOM files, got the file"):
        load_dicom_series(one)


def test_dicom_duplicate_positions_and_mixed_orientation(tmp_path):
    folder = tmp_path / "dup"
    uid, _ = write_series(folder, n_slices=3, prefix="A")
    ds = pydicom.dcmread(next(folder.glob("A*.dcm")))
    ds.SOPInstanceUID = generate_uid()
    ds.save_as(folder / "copy.dcm")
    with pytest.raises(ValueError, match="same position"):
        load_dicom_series(folder)
    ds.ImageOrientationPatient = [0.0, 1.0, 0.0, 0.0, 0.0, -1.0]
    ds.ImagePositionPatient = [0.0, 0.0, 0.0]
    ds.save_as(folder / "copy.dcm")
    with pytest.raises(ValueError, match="mixes orientations"):
        load_dicom_series(folder)


def test_single_slice_uses_slice_spacing_attribute(tmp_path):
    write_series(tmp_path / "one", n_slices=1)
    result = load_dicom_series(tmp_path / "one")
    assert result.volume.shape == (1, 128, 128)
    assert result.spacing[0] == pytest.approx(5.0)  # CT_small's SpacingBetweenSlices


# --------------------------------------------------------------------------- NIfTI


@pytest.mark.parametrize("suffix", [".nii", ".nii.gz"])
def test_nifti_array_and_non_unit_spacing(tmp_path, suffix):
    data = np.arange(10 * 12 * 8, dtype=np.float32).reshape(10, 12, 8)
    affine = np.diag([0.8, 1.25, 3.0, 1.0])
    path = tmp_path / f"vol{suffix}"
    nib.save(nib.Nifti1Image(data, affine), path)
    result = load_nifti(path)
    np.testing.assert_array_equal(result.data, data)
    assert result.data.dtype == np.float32
    assert result.spacing == pytest.approx((0.8, 1.25, 3.0))
    np.testing.assert_allclose(result.affine, affine)
    array, spacing = result
    assert array.shape == (10, 12, 8)


def test_nifti_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="no NIfTI file"):
        load_nifti(tmp_path / "absent.nii.gz")
    fake = tmp_path / "fake.nii"
    fake.write_text("this is not an image")
    with pytest.raises(ValueError, match="not a readable NIfTI"):
        load_nifti(fake)
    with pytest.raises(ValueError, match="got the folder"):
        load_nifti(tmp_path)


# --------------------------------------------------------------------------- MedMNIST


def medmnist_arrays(rng: np.random.Generator) -> dict[str, np.ndarray]:
    sizes = {"train": 12, "val": 4, "test": 5}
    arrays = {}
    for split, n in sizes.items():
        arrays[f"{split}_images"] = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)
        arrays[f"{split}_labels"] = rng.integers(0, 2, (n, 1), dtype=np.uint8)
    return arrays


def test_medmnist_returns_the_six_arrays(tmp_path):
    arrays = medmnist_arrays(np.random.default_rng(0))
    np.savez(tmp_path / "pneumoniamnist.npz", **arrays)
    result = load_medmnist(tmp_path / "pneumoniamnist.npz")
    assert isinstance(result, MedMNISTArrays)
    for key, value in arrays.items():
        np.testing.assert_array_equal(getattr(result, key), value)
    x_train, y_train, x_val, y_val, x_test, y_test = result
    assert x_train.shape == (12, 28, 28) and y_test.shape == (5, 1)


def test_medmnist_wrong_files(tmp_path):
    arrays = medmnist_arrays(np.random.default_rng(1))
    del arrays["val_labels"], arrays["test_images"]
    np.savez(tmp_path / "wrong.npz", **arrays)
    with pytest.raises(ValueError, match="missing val_labels, test_images"):
        load_medmnist(tmp_path / "wrong.npz")
    (tmp_path / "text.npz").write_text("hello")
    with pytest.raises(ValueError, match="not a NumPy .npz"):
        load_medmnist(tmp_path / "text.npz")
    np.save(tmp_path / "single.npy", np.zeros(3))
    with pytest.raises(ValueError, match="single array"):
        load_medmnist(tmp_path / "single.npy")
    with pytest.raises(FileNotFoundError, match="no MedMNIST file"):
        load_medmnist(tmp_path / "absent.npz")
    bad = medmnist_arrays(np.random.default_rng(2))
    bad["test_labels"] = bad["test_labels"][:-1]
    np.savez(tmp_path / "short.npz", **bad)
    with pytest.raises(ValueError, match="test_labels has 4"):
        load_medmnist(tmp_path / "short.npz")
