"""Loaders for a learner's own data: DICOM series, NIfTI volumes and MedMNIST ``.npz`` files.

Nothing here downloads. Put your files in any folder you like and pass its path:

>>> volume = load_dicom_series("~/data/my_ct_series")       # doctest: +SKIP
>>> brain = load_nifti("~/data/sub-01_T1w.nii.gz")           # doctest: +SKIP
>>> arrays = load_medmnist("~/data/pneumoniamnist.npz")      # doctest: +SKIP
"""

from __future__ import annotations

import os
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np

__all__ = [
    "DicomSeries",
    "NiftiVolume",
    "MedMNISTArrays",
    "UnevenSliceSpacingWarning",
    "load_dicom_series",
    "load_nifti",
    "load_medmnist",
    "MEDMNIST_KEYS",
]

#: Relative tolerance on slice gaps before a series counts as unevenly spaced.
GAP_TOLERANCE = 0.01


class UnevenSliceSpacingWarning(UserWarning):
    """The slices of a DICOM series are not equally spaced (a slice missing, or mixed gaps)."""


@dataclass(frozen=True, eq=False)
class DicomSeries:
    """A DICOM series stacked into a volume (returned by :func:`load_dicom_series`).

    Attributes
    ----------
    volume : ndarray, shape (Z, Y, X), float32
        Stored values after the modality rescale (``RescaleSlope``, ``RescaleIntercept``),
        i.e. Hounsfield units for CT. Slice ``k`` is the ``k``-th along the slice normal.
    spacing : tuple of 3 floats
        ``(z, y, x)`` voxel spacing in mm: ``z`` is the median gap between slice positions
        along the normal (for a single slice: ``SpacingBetweenSlices``, else
        ``SliceThickness``, else 1), ``(y, x)`` is ``PixelSpacing`` (row spacing, column
        spacing; 1 mm with a warning when absent).
    positions : ndarray, shape (Z,), float64
        Position of each slice along the normal, in mm (increasing).
    origin : tuple of 3 floats
        ``ImagePositionPatient`` of the first slice (patient x, y, z in mm).
    orientation : tuple of 6 floats
        ``ImageOrientationPatient`` (row and column direction cosines).
    series_uid : str
        ``SeriesInstanceUID`` of the series.
    files : tuple of Path
        The file of each slice, in volume order.
    """

    volume: np.ndarray
    spacing: tuple
    positions: np.ndarray
    origin: tuple
    orientation: tuple
    series_uid: str
    files: tuple

    def __iter__(self):
        """Unpack as ``volume, spacing = load_dicom_series(folder)``."""
        return iter((self.volume, self.spacing))


@dataclass(frozen=True, eq=False)
class NiftiVolume:
    """A NIfTI image (returned by :func:`load_nifti`).

    Attributes
    ----------
    data : ndarray, float32
        The image array in the file's own axis order (nibabel's ``(i, j, k[, t])``; for most
        files ``i`` runs left-right, ``j`` posterior-anterior, ``k`` inferior-superior), with
        the header's scaling (``scl_slope``, ``scl_inter``) applied.
    spacing : tuple of floats
        Voxel size along the spatial axes, in mm (``header.get_zooms()[:3]``).
    affine : ndarray, shape (4, 4), float64
        Voxel index to world (scanner RAS+) coordinates in mm.
    """

    data: np.ndarray
    spacing: tuple
    affine: np.ndarray

    def __iter__(self):
        """Unpack as ``data, spacing = load_nifti(path)``."""
        return iter((self.data, self.spacing))


class MedMNISTArrays(NamedTuple):
    """The six arrays of a MedMNIST ``.npz`` file (returned by :func:`load_medmnist`).

    Images are ``uint8`` of shape ``(N, H, W)`` (grey) or ``(N, H, W, 3)`` (colour);
    labels are ``(N, 1)`` class indices or ``(N, L)`` multi-label 0/1, as stored.
    """

    train_images: np.ndarray
    train_labels: np.ndarray
    val_images: np.ndarray
    val_labels: np.ndarray
    test_images: np.ndarray
    test_labels: np.ndarray


#: Keys a MedMNIST ``.npz`` file must hold.
MEDMNIST_KEYS: tuple[str, ...] = MedMNISTArrays._fields


# --------------------------------------------------------------------------- DICOM


def load_dicom_series(folder: str | os.PathLike, series_uid: str | None = None) -> DicomSeries:
    """Read a folder of DICOM slices into a volume ordered along the slice normal.

    Slices are ordered by ``ImagePositionPatient`` projected on the slice normal (the cross
    product of the row and column directions of ``ImageOrientationPatient``), never by file
    name or ``InstanceNumber``. The slice spacing comes from those positions, not from
    ``SliceThickness`` (which may differ: overlapping or gapped reconstructions).

    Parameters
    ----------
    folder : str or path-like
        Folder holding the series' files (any names; subfolders are not searched). Files that
        are not DICOM, and DICOM files without pixel data (e.g. ``DICOMDIR``), are skipped.
    series_uid : str, optional
        ``SeriesInstanceUID`` to load when the folder holds several series.

    Returns
    -------
    DicomSeries
        ``volume (Z, Y, X) float32`` (HU for CT), ``spacing (z, y, x)`` in mm, ``positions``,
        ``origin``, ``orientation``, ``series_uid``, ``files``. Unpacks as
        ``volume, spacing = load_dicom_series(folder)``.

    Raises
    ------
    FileNotFoundError
        If ``folder`` does not exist.
    ValueError
        If ``folder`` is not a folder, holds no DICOM image, holds several series and
        ``series_uid`` is not given (the message lists each UID and its slice count), a
        DICOM file is truncated or corrupt (the message names the file), or the slices
        disagree in orientation or size, share a position, or lack position attributes.

    Warns
    -----
    UnevenSliceSpacingWarning
        When gaps between consecutive slices differ by more than 1 % (e.g. a missing slice);
        the message lists the uneven gaps and the files around them. The volume is still
        returned, with ``spacing[0]`` the median gap; resample it before measuring distances.
    """
    import pydicom
    from pydicom.errors import InvalidDicomError

    path = Path(folder).expanduser()
    if not path.exists():
        raise FileNotFoundError(f"no folder at {path}; pass the folder that holds your DICOM files")
    if not path.is_dir():
        raise ValueError(f"expected a folder of DICOM files, got the file {path}; pass its parent folder {path.parent}")

    series: dict[str, list[tuple[Path, object]]] = {}
    skipped = 0
    for file in sorted(p for p in path.iterdir() if p.is_file()):
        try:
            ds = pydicom.dcmread(file)
        except InvalidDicomError:
            skipped += 1
            continue
        except Exception as err:  # truncated or corrupt DICOM
            raise ValueError(
                f"could not read the DICOM file {file}: {err}. It may be truncated or corrupt; "
                "copy it again from the source or remove it from the folder"
            ) from err
        if "PixelData" not in ds:
            if _looks_like_image(ds):
                raise ValueError(
                    f"the DICOM file {file} should hold an image but has no pixel data: it is probably "
                    "truncated. Copy it again from the source or remove it from the folder"
                )
            skipped += 1  # DICOMDIR, structured reports, plans: not images
            continue
        series.setdefault(str(ds.get("SeriesInstanceUID", "")), []).append((file, ds))

    if not series:
        raise ValueError(
            f"expected a folder of DICOM files, but none of the {skipped} files in {path} is a DICOM "
            "image; check the path (subfolders are not searched)"
        )
    if series_uid is None:
        if len(series) > 1:
            listing = "\n".join(
                f"  {uid or '(no SeriesInstanceUID)'}: {len(items)} slices"
                f"{_describe(items[0][1])}" for uid, items in sorted(series.items())
            )
            raise ValueError(
                f"{path} holds {len(series)} DICOM series:\n{listing}\n"
                "pick one with load_dicom_series(folder, series_uid=...)"
            )
        series_uid = next(iter(series))
    elif series_uid not in series:
        known = ", ".join(f"{uid} ({len(items)} slices)" for uid, items in sorted(series.items()))
        raise ValueError(f"no series {series_uid!r} in {path}; the folder holds: {known}")
    return _stack(series[series_uid], series_uid)


def _looks_like_image(ds) -> bool:
    """True if a dataset without pixel data should have had some (so it is damaged).

    Every DICOM object names its SOP class; one that names none, names an image storage
    class, or carries image attributes (``Rows``) yet has no ``PixelData`` was cut short.
    """
    sop = ds.get("SOPClassUID") or getattr(ds, "file_meta", {}).get("MediaStorageSOPClassUID")
    return sop is None or "Image Storage" in getattr(sop, "name", "") or "Rows" in ds


def _describe(ds) -> str:
    """`` (CT, 'AXIAL 1.25mm')``-style summary of a series, for listings."""
    bits = [str(ds.get(k)) for k in ("Modality", "SeriesDescription") if ds.get(k)]
    return f" ({', '.join(bits)})" if bits else ""


def _stack(items: list, series_uid: str) -> DicomSeries:
    """Sort the slices of one series along their normal and stack their pixels."""
    from pydicom.pixels import apply_rescale

    orientations = []
    for file, ds in items:
        for key in ("ImageOrientationPatient", "ImagePositionPatient"):
            if key not in ds:
                raise ValueError(
                    f"{file} has no {key}, so its place in the volume is unknown; "
                    "this loader needs both ImageOrientationPatient and ImagePositionPatient"
                )
        orientations.append(np.asarray(ds.ImageOrientationPatient, dtype=np.float64))
    iop = orientations[0]
    for (file, _), other in zip(items, orientations):
        if not np.allclose(other, iop, atol=1e-4):
            raise ValueError(
                f"{file} has ImageOrientationPatient {other.tolist()} but {items[0][0]} has "
                f"{iop.tolist()}: the series mixes orientations, so it is not one volume"
            )
    normal = np.cross(iop[:3], iop[3:])
    positions = np.array([np.dot(normal, np.asarray(ds.ImagePositionPatient, dtype=np.float64)) for _, ds in items])
    order = np.argsort(positions, kind="stable")
    items = [items[i] for i in order]
    positions = positions[order]

    if len(positions) > 1:
        gaps = np.diff(positions)
        same = np.nonzero(gaps < 1e-6)[0]
        if len(same):
            a, b = items[same[0]][0], items[same[0] + 1][0]
            raise ValueError(
                f"{a} and {b} lie at the same position ({positions[same[0]]:.3f} mm along the normal); "
                "remove duplicate slices or pick one series with series_uid"
            )
        dz = float(np.median(gaps))
        uneven = np.nonzero(np.abs(gaps - dz) > GAP_TOLERANCE * dz)[0]
        if len(uneven):
            details = "; ".join(
                f"{gaps[i]:.3f} mm between {items[i][0].name} and {items[i + 1][0].name}" for i in uneven[:10]
            )
            more = f" (and {len(uneven) - 10} more)" if len(uneven) > 10 else ""
            warnings.warn(
                f"uneven slice spacing in series {series_uid}: median gap {dz:.3f} mm, but {details}{more}. "
                "A slice may be missing; the volume treats all gaps as the median",
                UnevenSliceSpacingWarning,
                stacklevel=3,
            )
    else:
        dz = float(items[0][1].get("SpacingBetweenSlices", items[0][1].get("SliceThickness", 1.0)) or 1.0)

    slices = []
    shape = None
    for file, ds in items:
        try:
            pixels = apply_rescale(ds.pixel_array, ds)
        except Exception as err:
            raise ValueError(
                f"could not decode the pixel data of {file}: {err}. The file may be truncated or "
                "compressed with a codec that is not installed"
            ) from err
        if pixels.ndim != 2:
            raise ValueError(
                f"{file} holds {pixels.shape[0]} frames; this loader reads single-frame slices. "
                "Read multi-frame files with pydicom directly (ds.pixel_array)"
            )
        if shape is not None and pixels.shape != shape:
            raise ValueError(f"{file} is {pixels.shape} pixels but earlier slices are {shape}: not one volume")
        shape = pixels.shape
        slices.append(pixels.astype(np.float32))

    first = items[0][1]
    if "PixelSpacing" in first:
        dy, dx = (float(x) for x in first.PixelSpacing)
    else:
        warnings.warn(f"{items[0][0]} has no PixelSpacing; using 1 mm", UserWarning, stacklevel=3)
        dy = dx = 1.0
    return DicomSeries(
        volume=np.stack(slices),
        spacing=(dz, dy, dx),
        positions=positions,
        origin=tuple(float(x) for x in first.ImagePositionPatient),
        orientation=tuple(float(x) for x in iop),
        series_uid=series_uid,
        files=tuple(file for file, _ in items),
    )


# --------------------------------------------------------------------------- NIfTI


def load_nifti(path: str | os.PathLike) -> NiftiVolume:
    """Read a NIfTI-1/2 image (``.nii`` or ``.nii.gz``) with nibabel.

    Parameters
    ----------
    path : str or path-like

    Returns
    -------
    NiftiVolume
        ``data`` float32 in the file's axis order, ``spacing`` (voxel sizes in mm of the
        spatial axes), ``affine (4, 4)``. Unpacks as ``data, spacing = load_nifti(path)``.

    Raises
    ------
    FileNotFoundError
        If there is no file at ``path``.
    ValueError
        If the file is a folder or not a NIfTI image.
    """
    import nibabel as nib
    from nibabel.filebasedimages import ImageFileError

    path = Path(path).expanduser()
    if not path.exists():
        raise FileNotFoundError(f"no NIfTI file at {path}; check the path (files end in .nii or .nii.gz)")
    if path.is_dir():
        raise ValueError(
            f"expected a NIfTI file (.nii or .nii.gz), got the folder {path}; "
            "for a folder of DICOM slices use load_dicom_series"
        )
    try:
        image = nib.load(path)
    except (ImageFileError, OSError, EOFError, ValueError, zipfile.BadZipFile) as err:
        raise ValueError(
            f"{path} is not a readable NIfTI image ({err}); pass a .nii or .nii.gz file"
        ) from err
    if not isinstance(image, (nib.Nifti1Image, nib.Nifti2Image)):
        raise ValueError(f"{path} is a {type(image).__name__}, not NIfTI; pass a .nii or .nii.gz file")
    try:
        data = np.asarray(image.get_fdata(dtype=np.float32))
    except (OSError, EOFError, ValueError) as err:
        raise ValueError(f"could not read the voxels of {path} ({err}); the file may be truncated") from err
    spatial = min(3, data.ndim)
    spacing = tuple(float(z) for z in image.header.get_zooms()[:spatial])
    return NiftiVolume(data=data, spacing=spacing, affine=np.asarray(image.affine, dtype=np.float64))


# --------------------------------------------------------------------------- MedMNIST


def load_medmnist(path: str | os.PathLike) -> MedMNISTArrays:
    """Read the six arrays of a MedMNIST ``.npz`` file you downloaded yourself.

    MedMNIST (Yang et al. 2023, https://medmnist.com) ships each dataset as one ``.npz``
    with ``train_images``, ``train_labels``, ``val_images``, ``val_labels``, ``test_images``
    and ``test_labels``. The course never downloads it: fetch the file once, put it in any
    folder, and pass its path.

    Returns
    -------
    MedMNISTArrays
        A named tuple of the six arrays, in the order above.

    Raises
    ------
    FileNotFoundError
        If there is no file at ``path``.
    ValueError
        If the file is not an ``.npz`` archive, lacks some of the six keys (the message names
        them and lists the keys found), or a split's images and labels differ in length.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise FileNotFoundError(f"no MedMNIST file at {path}; pass the path of the .npz you downloaded")
    if path.is_dir():
        raise ValueError(f"expected a MedMNIST .npz file, got the folder {path}")
    try:
        archive = np.load(path, allow_pickle=False)
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as err:
        raise ValueError(f"{path} is not a NumPy .npz archive ({err}); pass a MedMNIST .npz file") from err
    if not isinstance(archive, np.lib.npyio.NpzFile):
        raise ValueError(f"{path} holds a single array, not a MedMNIST .npz archive of six arrays")
    with archive:
        found = set(archive.files)
        missing = [key for key in MEDMNIST_KEYS if key not in found]
        if missing:
            raise ValueError(
                f"{path} is not a MedMNIST file: missing {', '.join(missing)} "
                f"(found: {', '.join(sorted(found)) or 'no arrays'}). A MedMNIST .npz holds "
                f"{', '.join(MEDMNIST_KEYS)}"
            )
        arrays = MedMNISTArrays(*(archive[key] for key in MEDMNIST_KEYS))
    for split in ("train", "val", "test"):
        images, labels = getattr(arrays, f"{split}_images"), getattr(arrays, f"{split}_labels")
        if len(images) != len(labels):
            raise ValueError(
                f"{path}: {split}_images has {len(images)} entries but {split}_labels has {len(labels)}; "
                "the file is damaged or not MedMNIST"
            )
    return arrays
