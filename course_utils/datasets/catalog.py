"""What data the course offers: one entry per dataset, with its kind and data card.

Used by ``course datasets`` (to list) and by :mod:`course_utils.datasets.manifest` (to know
which sets are synthetic and must match their checksums).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DatasetInfo", "CATALOG", "synthetic_names", "OWN_DATA_HELP"]


@dataclass(frozen=True)
class DatasetInfo:
    """One dataset of the course.

    Attributes
    ----------
    name : str
        The function that returns it, in ``course_utils.datasets``.
    kind : str
        ``"real"`` (ships inside an installed package), ``"synthetic"`` (generated,
        checksummed in ``datasets/manifest.json``) or ``"loader"`` (reads your own files).
    summary : str
        One line: what it is.
    card : str
        File name of its data card in the course's ``datasets/`` folder.
    """

    name: str
    kind: str
    summary: str
    card: str


CATALOG: tuple[DatasetInfo, ...] = (
    DatasetInfo("ct_sample", "real", "pydicom's CT slice (128x128, HU via rescale)", "pydicom_samples.md"),
    DatasetInfo("mr_sample", "real", "pydicom's MR slice (64x64)", "pydicom_samples.md"),
    DatasetInfo(
        "breast_cancer", "real", "Wisconsin breast cancer, 569 x 30 nuclear features, 1 = malignant",
        "breast_cancer.md",
    ),
    DatasetInfo("diabetes", "real", "diabetes progression, 442 x 10 baseline variables", "diabetes.md"),
    DatasetInfo("mni_brain", "real", "MNI152 T1 template with grey/white-matter maps and brain mask", "mni_brain.md"),
    DatasetInfo(
        "chest_xray_nodules", "synthetic", "chest radiographs with lung nodules: labels, boxes, masks, patients",
        "chest_xray_nodules.md",
    ),
    DatasetInfo(
        "ultrasound_nerves", "synthetic", "B-mode nerve-block ultrasound: nerve masks, needle boxes",
        "ultrasound_nerves.md",
    ),
    DatasetInfo(
        "ct_phantom", "synthetic", "abdominal CT slices in HU with liver lesions and tissue maps", "ct_phantom.md"
    ),
    DatasetInfo("load_dicom_series", "loader", "your DICOM series -> volume (Z, Y, X) in HU + spacing", "own_data.md"),
    DatasetInfo("load_nifti", "loader", "your NIfTI file -> array + spacing", "own_data.md"),
    DatasetInfo("load_medmnist", "loader", "your MedMNIST .npz -> six arrays", "own_data.md"),
)

OWN_DATA_HELP = (
    "Your own data: keep it in any folder you like (for example ~/data; never inside the course "
    "repository) and pass its path to a loader:\n"
    "  load_dicom_series('~/data/ct_series')   a folder of DICOM slices\n"
    "  load_nifti('~/data/brain.nii.gz')       one NIfTI file\n"
    "  load_medmnist('~/data/pneumoniamnist.npz')  a MedMNIST file you downloaded\n"
    "Nothing is uploaded or downloaded; see datasets/own_data.md."
)


def synthetic_names() -> list[str]:
    """Names of the synthetic datasets, in catalogue order."""
    return [d.name for d in CATALOG if d.kind == "synthetic"]
