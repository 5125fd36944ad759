"""Real medical samples that ship with installed packages (no network)."""

from __future__ import annotations

import pydicom
from pydicom import examples


def ct_sample() -> pydicom.Dataset:
    """pydicom's bundled CT slice (``CT_small.dcm``: 128x128, 16-bit signed, HU via rescale).

    A fresh copy is read on every call, so a learner may modify it freely.
    """
    return pydicom.dcmread(examples.get_path("ct"))


def mr_sample() -> pydicom.Dataset:
    """pydicom's bundled MR slice (``MR_small.dcm``: 64x64, 16-bit, no rescale to physical units)."""
    return pydicom.dcmread(examples.get_path("mr"))
