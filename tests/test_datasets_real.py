"""Real samples shipped by installed packages, the MNI cache, and no network use anywhere."""

from __future__ import annotations

import socket
from pathlib import Path

import numpy as np
import pydicom
import pytest

import course_utils.datasets as ds
from course_utils.datasets import cache as cache_module


def _refuse(*args, **kwargs):
    raise AssertionError("a dataset function tried to open a network connection")


@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    """Sockets forbidden and a private data cache, for this module's tests."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COURSE_DATA_CACHE", str(tmp_path_factory.mktemp("cache")))
        patch.setattr(socket.socket, "connect", _refuse)
        patch.setattr(socket.socket, "connect_ex", _refuse)
        patch.setattr(socket, "create_connection", _refuse)
        patch.setattr(socket, "getaddrinfo", _refuse)
        yield Path(cache_module.cache_dir())


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    """A cache folder of this test only (never the course's datasets/cache)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("COURSE_DATA_CACHE", str(folder))
    return folder


def test_no_network_use(offline):
    """Every dataset function works with sockets forbidden (the course runs offline)."""
    with pytest.raises(AssertionError, match="network"):
        socket.create_connection(("example.org", 80))  # the ban is in force
    assert not list(offline.glob("mni_brain_*")), "mni_brain must be built here, not read from a cache"
    ds.ct_sample()
    ds.mr_sample()
    ds.breast_cancer()
    ds.diabetes()
    ds.diabetes(scaled=False)
    ds.mni_brain(resolution=2, progress=False)  # nilearn reads the files it ships
    ds.chest_xray_nodules(n_patients=4, images_per_patient=2, progress=False)
    ds.ultrasound_nerves(n=8, progress=False)
    ds.ct_phantom(n=8, progress=False)


def test_pydicom_samples():
    ct, mr = ds.ct_sample(), ds.mr_sample()
    assert isinstance(ct, pydicom.Dataset) and ct.Modality == "CT" and ct.pixel_array.shape == (128, 128)
    assert isinstance(mr, pydicom.Dataset) and mr.Modality == "MR" and mr.pixel_array.shape == (64, 64)
    ct.PatientName = "changed"
    assert ds.ct_sample().PatientName != "changed", "each call must return a fresh copy"


def test_breast_cancer_positive_class_is_malignant():
    data = ds.breast_cancer()
    assert data.X.shape == (569, 30) and data.X.dtype == np.float64
    assert data.y.shape == (569,) and data.y.dtype == np.int64
    assert data.target_names == ("benign", "malignant")
    assert int(data.y.sum()) == 212, "212 of the 569 aspirates are malignant"
    assert len(data.feature_names) == 30 and data.feature_names[0] == "mean radius"
    assert "Street" in data.citation and "malignant" in data.description
    # malignant nuclei are larger on average
    radius = data.X[:, 0]
    assert radius[data.y == 1].mean() > radius[data.y == 0].mean()


def test_diabetes_scaled_and_raw():
    scaled = ds.diabetes()
    raw = ds.diabetes(scaled=False)
    assert scaled.X.shape == raw.X.shape == (442, 10)
    assert scaled.y.dtype == np.float64 and scaled.target_names == ()
    np.testing.assert_array_equal(scaled.y, raw.y)
    assert abs(scaled.X[:, 2].mean()) < 1e-12
    bmi = raw.X[:, raw.feature_names.index("bmi")]
    assert 15 < bmi.min() < bmi.max() < 50, "raw BMI is in kg/m^2"
    assert "Efron" in scaled.citation
    assert set(ds.DIABETES_FEATURES) == set(scaled.feature_names)
    with pytest.raises(ValueError, match="scaled must be True or False"):
        ds.diabetes(scaled="no")


def test_mni_brain_arrays_and_cache(offline):
    brain = ds.mni_brain(resolution=2, progress=False)
    assert brain.t1.shape == brain.gm.shape == brain.wm.shape == brain.brain_mask.shape == (99, 117, 95)
    assert brain.t1.dtype == np.float32 and brain.brain_mask.dtype == np.uint8
    assert brain.spacing == (2.0, 2.0, 2.0)
    assert 0.0 <= brain.t1.min() and brain.t1.max() <= 1.0
    assert 0.0 <= brain.gm.min() and brain.gm.max() <= 1.0
    assert 0.15 < brain.brain_mask.mean() < 0.3
    # grey and white matter live inside the brain, and white matter is brighter on T1
    assert brain.gm[brain.brain_mask == 0].mean() < 0.05
    assert brain.t1[brain.wm > 0.9].mean() > brain.t1[brain.gm > 0.9].mean()
    assert "Fonov" in brain.citation
    entries = list(offline.glob("mni_brain_2mm-*.npz"))
    assert len(entries) == 1, "the resampled template should be cached"
    again = ds.mni_brain(resolution=2, progress=False)
    np.testing.assert_array_equal(again.t1, brain.t1)
    np.testing.assert_array_equal(again.affine, brain.affine)
    with pytest.raises(ValueError, match="resolution must be between 1 and 4"):
        ds.mni_brain(resolution=0)


def test_cache_key_depends_on_every_input(tmp_path):
    f = tmp_path / "input.bin"
    f.write_bytes(b"abc")
    base = cache_module.cache_key("x", {"a": 1}, code=[test_cache_key_depends_on_every_input], files=[f])
    assert base == cache_module.cache_key("x", {"a": 1}, code=[test_cache_key_depends_on_every_input], files=[f])
    assert base != cache_module.cache_key("x", {"a": 2}, code=[test_cache_key_depends_on_every_input], files=[f])
    assert base != cache_module.cache_key("y", {"a": 1}, code=[test_cache_key_depends_on_every_input], files=[f])
    assert base != cache_module.cache_key("x", {"a": 1}, code=[test_no_network_use], files=[f])
    assert base != cache_module.cache_key("x", {"a": 1}, code=[test_cache_key_depends_on_every_input], files=[f],
                                          versions={"nilearn": "0"})
    f.write_bytes(b"abd")
    assert base != cache_module.cache_key("x", {"a": 1}, code=[test_cache_key_depends_on_every_input], files=[f])


def test_cache_never_serves_another_key_and_survives_a_corrupt_entry(private_cache):
    calls = []

    def build(value):
        calls.append(value)
        return {"v": np.full(3, value)}

    a = cache_module.cached_arrays("k1" * 16, "demo", lambda: build(1))
    b = cache_module.cached_arrays("k2" * 16, "demo", lambda: build(2))
    assert a["v"][0] == 1 and b["v"][0] == 2 and calls == [1, 2]
    again = cache_module.cached_arrays("k1" * 16, "demo", lambda: build(99))
    assert again["v"][0] == 1 and calls == [1, 2], "a cached entry is read, not rebuilt"
    entry = next(private_cache.glob("demo-k1*.npz"))
    entry.write_bytes(b"garbage")
    rebuilt = cache_module.cached_arrays("k1" * 16, "demo", lambda: build(3))
    assert rebuilt["v"][0] == 3


def test_cache_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("COURSE_DATA_CACHE", "off")
    assert cache_module.cache_dir() is None
