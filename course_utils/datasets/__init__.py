"""Medical data for the course, all offline.

Real samples that installed packages ship, deterministic synthetic sets with exact ground
truth, and loaders for a learner's own data. Data cards: the course's ``datasets/`` folder;
``course datasets`` lists everything and verifies the synthetic checksums.

Real (nothing downloaded)
    ``ct_sample()``, ``mr_sample()``: pydicom's CT and MR slices (``pydicom.Dataset``).
    ``breast_cancer()``: Wisconsin diagnostic breast cancer table (y = 1 malignant).
    ``diabetes(scaled=True)``: diabetes progression table.
    ``mni_brain(resolution=2)``: MNI152 T1 template, grey/white-matter maps, brain mask.

Synthetic (deterministic from ``seed``; exact ground truth)
    ``chest_xray_nodules(...)``: chest radiographs with nodules; labels, boxes, masks, patients.
    ``ultrasound_nerves(...)``: B-mode nerve images; nerve masks, needle labels/boxes/masks.
    ``ct_phantom(...)``: abdominal CT slices in HU; lesion labels and masks, tissue maps.

Your own data (any folder; pass its path)
    ``load_dicom_series(folder, series_uid=None)``, ``load_nifti(path)``, ``load_medmnist(path)``.
"""

from __future__ import annotations

from .chest_xray import ChestXrayNodules, chest_xray_nodules
from .ct_phantom import TISSUE_NAMES, CTPhantom, ct_phantom
from .loaders import (
    MEDMNIST_KEYS,
    DicomSeries,
    MedMNISTArrays,
    NiftiVolume,
    UnevenSliceSpacingWarning,
    load_dicom_series,
    load_medmnist,
    load_nifti,
)
from .real import (
    DIABETES_FEATURES,
    MNIBrain,
    TabularDataset,
    breast_cancer,
    ct_sample,
    diabetes,
    mni_brain,
    mr_sample,
)
from .ultrasound import UltrasoundNerves, ultrasound_nerves

__all__ = [
    # real
    "ct_sample",
    "mr_sample",
    "breast_cancer",
    "diabetes",
    "mni_brain",
    "TabularDataset",
    "MNIBrain",
    "DIABETES_FEATURES",
    # synthetic
    "chest_xray_nodules",
    "ultrasound_nerves",
    "ct_phantom",
    "ChestXrayNodules",
    "UltrasoundNerves",
    "CTPhantom",
    "TISSUE_NAMES",
    # own data
    "load_dicom_series",
    "load_nifti",
    "load_medmnist",
    "DicomSeries",
    "NiftiVolume",
    "MedMNISTArrays",
    "MEDMNIST_KEYS",
    "UnevenSliceSpacingWarning",
]
