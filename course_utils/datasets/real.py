"""Real medical data that ships inside installed packages (nothing is downloaded).

- ``ct_sample`` / ``mr_sample``: pydicom's bundled CT and MR slices (DICOM datasets).
- ``breast_cancer`` / ``diabetes``: scikit-learn's bundled tables.
- ``mni_brain``: the MNI152 T1 template with grey/white-matter maps and a brain mask, from
  the files nilearn ships (``nilearn/datasets/data/mni_icbm152_*_converted.nii.gz``).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pydicom
from pydicom import examples
from tqdm.auto import tqdm

from . import _checks
from .cache import cache_key, cached_arrays

__all__ = [
    "ct_sample",
    "mr_sample",
    "TabularDataset",
    "breast_cancer",
    "diabetes",
    "MNIBrain",
    "mni_brain",
]

BREAST_CANCER_CITATION = (
    "W. N. Street, W. H. Wolberg and O. L. Mangasarian. Nuclear feature extraction for breast "
    "tumor diagnosis. IS&T/SPIE International Symposium on Electronic Imaging: Science and "
    "Technology, vol. 1905, pp. 861-870, 1993. Data: Breast Cancer Wisconsin (Diagnostic), "
    "UCI Machine Learning Repository, https://doi.org/10.24432/C5DW2B (CC BY 4.0)."
)
DIABETES_CITATION = (
    "B. Efron, T. Hastie, I. Johnstone and R. Tibshirani. Least angle regression. "
    "Annals of Statistics 32(2):407-499, 2004."
)
MNI_CITATION = (
    "V. S. Fonov, A. C. Evans, R. C. McKinstry, C. R. Almli and D. L. Collins. Unbiased "
    "nonlinear average age-appropriate brain templates from birth to adulthood. NeuroImage "
    "47(Suppl 1):S102, 2009; V. Fonov, A. C. Evans, K. Botteron, C. R. Almli, R. C. McKinstry, "
    "D. L. Collins and the Brain Development Cooperative Group. Unbiased average "
    "age-appropriate atlases for pediatric studies. NeuroImage 54(1):313-327, 2011. "
    "(MNI ICBM152 2009a nonlinear symmetric template, as converted and shipped by nilearn.)"
)

#: Readable names of scikit-learn's abbreviated diabetes features.
DIABETES_FEATURES = {
    "age": "age in years",
    "sex": "sex",
    "bmi": "body mass index",
    "bp": "average blood pressure",
    "s1": "tc, total serum cholesterol",
    "s2": "ldl, low-density lipoproteins",
    "s3": "hdl, high-density lipoproteins",
    "s4": "tch, total cholesterol / HDL",
    "s5": "ltg, log of serum triglycerides level",
    "s6": "glu, blood sugar level",
}


def ct_sample() -> pydicom.Dataset:
    """pydicom's bundled CT slice (``CT_small.dcm``: 128x128, 16-bit signed, HU via rescale).

    A fresh copy is read on every call, so a learner may modify it freely.
    """
    return pydicom.dcmread(examples.get_path("ct"))


def mr_sample() -> pydicom.Dataset:
    """pydicom's bundled MR slice (``MR_small.dcm``: 64x64, 16-bit, no rescale to physical units)."""
    return pydicom.dcmread(examples.get_path("mr"))


@dataclass(frozen=True, eq=False)
class TabularDataset:
    """A table of features with a target (returned by :func:`breast_cancer`, :func:`diabetes`).

    Attributes
    ----------
    X : ndarray, shape (n_samples, n_features), float64
    y : ndarray, shape (n_samples,)
        ``int64`` class labels for classification, ``float64`` values for regression.
    feature_names : tuple of str
        Column names of ``X``.
    target_names : tuple of str
        Class names, indexed by label (``target_names[y[i]]``); empty for regression.
    description : str
        What the data are, from scikit-learn's bundled description, plus course notes.
    citation : str
        The reference to cite.
    """

    X: np.ndarray
    y: np.ndarray
    feature_names: tuple
    target_names: tuple
    description: str
    citation: str


def breast_cancer() -> TabularDataset:
    """Wisconsin Diagnostic Breast Cancer: 30 features of cell nuclei from 569 fine-needle aspirates.

    The features (radius, texture, perimeter, area, smoothness, ... each as mean, standard
    error and worst value) were measured on digitised images of the aspirate.

    **Label convention**: ``y = 1`` means *malignant* (the disease is the positive class, as
    in sensitivity and specificity), ``y = 0`` benign; ``target_names = ("benign",
    "malignant")``. This is the reverse of ``sklearn.datasets.load_breast_cancer``, where
    0 is malignant.

    Returns
    -------
    TabularDataset
        ``X (569, 30) float64``, ``y (569,) int64`` (212 malignant, 357 benign).
    """
    from sklearn.datasets import load_breast_cancer

    raw = load_breast_cancer()
    y = (raw.target == 0).astype(np.int64)  # sklearn: 0 = malignant
    note = (
        "\n\nCourse note: y = 1 is malignant and y = 0 benign (reversed from scikit-learn's "
        "load_breast_cancer, where 0 is malignant)."
    )
    return TabularDataset(
        X=np.asarray(raw.data, dtype=np.float64),
        y=y,
        feature_names=tuple(str(f) for f in raw.feature_names),
        target_names=("benign", "malignant"),
        description=str(raw.DESCR) + note,
        citation=BREAST_CANCER_CITATION,
    )


def diabetes(scaled: bool = True) -> TabularDataset:
    """Diabetes progression: 10 baseline variables of 442 patients and progression after one year.

    Parameters
    ----------
    scaled : bool, default True
        ``True`` gives scikit-learn's default features, each mean-centred and scaled to unit
        Euclidean norm (values around +-0.1); ``False`` gives the original units (age in years,
        BMI in kg/m^2, sex coded 1/2, ...), which need standardising before gradient descent.

    Returns
    -------
    TabularDataset
        ``X (442, 10) float64``, ``y (442,) float64`` (a quantitative measure of disease
        progression one year after baseline, 25 to 346); ``target_names`` is empty.
        ``feature_names`` are scikit-learn's short names; :data:`DIABETES_FEATURES` spells
        them out (``s1`` .. ``s6`` are blood serum measurements).
    """
    from sklearn.datasets import load_diabetes

    scaled = _checks.check_bool("scaled", scaled)
    raw = load_diabetes(scaled=scaled)
    names = "; ".join(f"{k} = {v}" for k, v in DIABETES_FEATURES.items())
    return TabularDataset(
        X=np.asarray(raw.data, dtype=np.float64),
        y=np.asarray(raw.target, dtype=np.float64),
        feature_names=tuple(str(f) for f in raw.feature_names),
        target_names=(),
        description=str(raw.DESCR) + f"\n\nCourse note: features are {names}.",
        citation=DIABETES_CITATION,
    )


@dataclass(frozen=True, eq=False)
class MNIBrain:
    """The MNI152 template and its tissue maps (returned by :func:`mni_brain`).

    All arrays share one grid, in nibabel's axis order ``(x, y, z)``: ``x`` runs from the
    subject's left to right, ``y`` from posterior to anterior, ``z`` from inferior to superior
    (RAS+). An axial slice is ``t1[:, :, k]``; show it with ``plt.imshow(t1[:, :, k].T,
    origin="lower")``.

    Attributes
    ----------
    t1 : ndarray, shape (X, Y, Z), float32
        Skull-stripped T1-weighted template, scaled to [0, 1].
    gm, wm : ndarray, shape (X, Y, Z), float32
        Grey- and white-matter probability maps in [0, 1].
    brain_mask : ndarray, shape (X, Y, Z), uint8
        1 inside the brain (template above 0.2, as nilearn's ``load_mni152_brain_mask``).
    spacing : tuple of 3 floats
        Voxel size in mm along ``(x, y, z)``.
    affine : ndarray, shape (4, 4), float64
        Voxel index to MNI coordinates in mm.
    citation : str
    """

    t1: np.ndarray
    gm: np.ndarray
    wm: np.ndarray
    brain_mask: np.ndarray
    spacing: tuple
    affine: np.ndarray
    citation: str


def _nilearn_template_files() -> list[Path]:
    """Paths of the MNI152 files inside the installed nilearn, found without importing it."""
    spec = importlib.util.find_spec("nilearn")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            "nilearn is not installed; install the course's requirements (make install)"
        )
    data = Path(next(iter(spec.submodule_search_locations))) / "datasets" / "data"
    files = [data / f"mni_icbm152_{kind}_tal_nlin_sym_09a_converted.nii.gz" for kind in ("t1", "gm", "wm")]
    missing = [f.name for f in files if not f.is_file()]
    if missing:
        raise FileNotFoundError(
            f"nilearn at {data.parent.parent} lacks {', '.join(missing)}; reinstall nilearn"
        )
    return files


def _build_mni(resolution: int) -> dict[str, np.ndarray]:
    """Load and resample the template with nilearn (imported here: it is slow to import)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        from nilearn import datasets as nl

        t1_img = nl.load_mni152_template(resolution=resolution)
        gm_img = nl.load_mni152_gm_template(resolution=resolution)
        wm_img = nl.load_mni152_wm_template(resolution=resolution)
    t1 = np.asarray(t1_img.get_fdata(dtype=np.float32))
    gm = np.clip(np.asarray(gm_img.get_fdata(dtype=np.float32)), 0.0, 1.0)
    wm = np.clip(np.asarray(wm_img.get_fdata(dtype=np.float32)), 0.0, 1.0)
    if gm.shape != t1.shape or wm.shape != t1.shape:
        raise RuntimeError(
            f"nilearn returned maps on different grids (T1 {t1.shape}, GM {gm.shape}, WM {wm.shape}); "
            "reinstall nilearn or use resolution=1"
        )
    return {
        "t1": t1,
        "gm": gm,
        "wm": wm,
        "spacing": np.asarray(t1_img.header.get_zooms()[:3], dtype=np.float64),
        "affine": np.asarray(t1_img.affine, dtype=np.float64),
    }


def mni_brain(resolution: int = 2, progress: bool | None = None) -> MNIBrain:
    """The MNI152 (ICBM 2009a) T1 template, grey/white-matter maps and brain mask, offline.

    The files come with nilearn (``nilearn/datasets/data/mni_icbm152_*_converted.nii.gz``)
    and are read with nilearn's ``load_mni152_template``, ``load_mni152_gm_template`` and
    ``load_mni152_wm_template``; nothing is downloaded. nilearn is imported only when the
    arrays are not cached yet (it takes a second or two to import), and the result is cached
    (see :mod:`course_utils.datasets.cache`), keyed by the resolution, nilearn's version and
    the files' contents.

    Parameters
    ----------
    resolution : int, default 2
        Isotropic voxel size in mm, 1 to 4. At 1 mm the grid is 197 x 233 x 189; at 2 mm,
        99 x 117 x 95 (resampled by nilearn).
    progress : bool or None, default None
        Show a tqdm progress bar while building: ``None`` only when it lasts over a second.

    Returns
    -------
    MNIBrain
        ``t1``, ``gm``, ``wm`` float32 and ``brain_mask`` uint8 of shape ``(X, Y, Z)``,
        ``spacing`` ``(resolution,) * 3`` mm, ``affine``, ``citation``. The brain mask is the
        template above 0.2, exactly as nilearn's ``load_mni152_brain_mask`` computes it.
    """
    resolution = _checks.check_int("resolution", resolution, 1, 4)
    files = _nilearn_template_files()
    key = cache_key(
        "mni_brain",
        {"resolution": resolution},
        code=[_build_mni],
        files=files,
        versions={"nilearn": importlib.metadata.version("nilearn")},
    )

    def build() -> dict[str, np.ndarray]:
        with tqdm(total=1, desc="mni_brain (first call: resampling)", disable=progress is False,
                  delay=0.0 if progress else 1.0, leave=False) as bar:
            arrays = _build_mni(resolution)
            bar.update()
        return arrays

    # 1 mm is the files' own grid: reading it is quick, so only resampled grids are cached
    arrays = build() if resolution == 1 else cached_arrays(key, f"mni_brain_{resolution}mm", build)
    t1 = arrays["t1"]
    return MNIBrain(
        t1=t1,
        gm=arrays["gm"],
        wm=arrays["wm"],
        brain_mask=(t1 > 0.2).astype(np.uint8),
        spacing=tuple(float(z) for z in arrays["spacing"]),
        affine=arrays["affine"],
        citation=MNI_CITATION,
    )
