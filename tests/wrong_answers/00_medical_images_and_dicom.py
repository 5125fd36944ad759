"""Plausible wrong answers for notebook 00; each must fail at least one of its exercise's test cells."""

WRONG_ANSWERS = {
    "min_max_normalize": {
        "NaN on a constant image": '''def min_max_normalize(image):
    x = np.asarray(image, dtype=np.float64)
    if x.size == 0:
        raise ValueError("empty")
    return (x - x.min()) / (x.max() - x.min())
''',
        "divides by the maximum only": '''def min_max_normalize(image):
    x = np.asarray(image, dtype=np.float64)
    if x.size == 0:
        raise ValueError("empty")
    if x.max() == x.min():
        return np.zeros_like(x)
    return x / x.max()
''',
        "forgets to subtract the minimum": '''def min_max_normalize(image):
    x = np.asarray(image, dtype=np.float64)
    if x.size == 0:
        raise ValueError("empty")
    if x.max() == x.min():
        return np.zeros_like(x)
    return x / (x.max() - x.min())
''',
        "integer arithmetic (int16 wraps around)": '''def min_max_normalize(image):
    x = np.asarray(image)
    if x.size == 0:
        raise ValueError("empty")
    lo, hi = x.min(), x.max()
    if hi == lo:
        return np.zeros(x.shape)
    return (x - lo) / (hi - lo)
''',
        "modifies its input in place": '''def min_max_normalize(image):
    x = image if isinstance(image, np.ndarray) and image.dtype.kind == "f" else np.asarray(image, dtype=np.float64)
    if x.size == 0:
        raise ValueError("empty")
    lo, hi = x.min(), x.max()
    if hi == lo:
        return np.zeros_like(x)
    x -= lo
    x /= hi - lo
    return x
''',
        "constant image gives ones": '''def min_max_normalize(image):
    x = np.asarray(image, dtype=np.float64)
    if x.size == 0:
        raise ValueError("empty")
    lo, hi = x.min(), x.max()
    if hi == lo:
        return np.ones_like(x)
    return (x - lo) / (hi - lo)
''',
        "no check for an empty array": '''def min_max_normalize(image):
    x = np.asarray(image, dtype=np.float64)
    if x.size == 0:
        return x
    lo, hi = x.min(), x.max()
    if hi == lo:
        return np.zeros_like(x)
    return (x - lo) / (hi - lo)
''',
    },
    "standardize": {
        "per-column statistics": '''def standardize(image, eps=1e-8):
    x = np.asarray(image, dtype=np.float64)
    if x.size == 0:
        raise ValueError("empty")
    return (x - x.mean(axis=0)) / (x.std(axis=0) + eps)
''',
        "ignores eps": '''def standardize(image, eps=1e-8):
    x = np.asarray(image, dtype=np.float64)
    if x.size == 0:
        raise ValueError("empty")
    return (x - x.mean()) / (x.std() + 1e-8)
''',
        "divides by the variance": '''def standardize(image, eps=1e-8):
    x = np.asarray(image, dtype=np.float64)
    if x.size == 0:
        raise ValueError("empty")
    return (x - x.mean()) / (x.var() + eps)
''',
        "sample standard deviation (ddof=1)": '''def standardize(image, eps=1e-8):
    x = np.asarray(image, dtype=np.float64)
    if x.size == 0:
        raise ValueError("empty")
    return (x - x.mean()) / (x.std(ddof=1) + eps)
''',
        "eps outside the denominator": '''def standardize(image, eps=1e-8):
    x = np.asarray(image, dtype=np.float64)
    if x.size == 0:
        raise ValueError("empty")
    s = x.std()
    return (x - x.mean()) / s + eps if s > 0 else np.zeros_like(x)
''',
        "only centres": '''def standardize(image, eps=1e-8):
    x = np.asarray(image, dtype=np.float64)
    if x.size == 0:
        raise ValueError("empty")
    return x - x.mean()
''',
        "per-row statistics": '''def standardize(image, eps=1e-8):
    x = np.asarray(image, dtype=np.float64)
    if x.size == 0:
        raise ValueError("empty")
    return (x - x.mean(axis=-1, keepdims=True)) / (x.std(axis=-1, keepdims=True) + eps)
''',
        "no check for an empty array": '''def standardize(image, eps=1e-8):
    x = np.asarray(image, dtype=np.float64)
    if x.size == 0:
        return x
    return (x - x.mean()) / (x.std() + eps)
''',
    },
    "to_hounsfield": {
        "forgets the intercept": '''def to_hounsfield(pixels, slope, intercept):
    if not np.isfinite(slope) or slope == 0:
        raise ValueError("bad slope")
    return np.asarray(pixels, dtype=np.float64) * slope
''',
        "integer arithmetic": '''def to_hounsfield(pixels, slope, intercept):
    if not np.isfinite(slope) or slope == 0:
        raise ValueError("bad slope")
    return np.asarray(pixels) * slope + intercept
''',
        "slope and intercept swapped": '''def to_hounsfield(pixels, slope, intercept):
    if not np.isfinite(slope) or slope == 0:
        raise ValueError("bad slope")
    return np.asarray(pixels, dtype=np.float64) * intercept + slope
''',
        "divides by the slope": '''def to_hounsfield(pixels, slope, intercept):
    if not np.isfinite(slope) or slope == 0:
        raise ValueError("bad slope")
    return np.asarray(pixels, dtype=np.float64) / slope + intercept
''',
        "adds the intercept before scaling": '''def to_hounsfield(pixels, slope, intercept):
    if not np.isfinite(slope) or slope == 0:
        raise ValueError("bad slope")
    return (np.asarray(pixels, dtype=np.float64) + intercept) * slope
''',
        "returns integers": '''def to_hounsfield(pixels, slope, intercept):
    if not np.isfinite(slope) or slope == 0:
        raise ValueError("bad slope")
    return (np.asarray(pixels, dtype=np.float64) * slope + intercept).astype(np.int32)
''',
        "int32 arithmetic": '''def to_hounsfield(pixels, slope, intercept):
    if not np.isfinite(slope) or slope == 0:
        raise ValueError("bad slope")
    return np.asarray(pixels).astype(np.int32) * slope + intercept
''',
        "no slope check": '''def to_hounsfield(pixels, slope, intercept):
    return np.asarray(pixels, dtype=np.float64) * slope + intercept
''',
    },
    "apply_window": {
        "window edge at c - w": '''def apply_window(hu, center, width):
    if not width > 0:
        raise ValueError("bad width")
    x = np.asarray(hu, dtype=np.float64)
    return np.clip((x - (center - width)) / width, 0.0, 1.0)
''',
        "no clipping": '''def apply_window(hu, center, width):
    if not width > 0:
        raise ValueError("bad width")
    x = np.asarray(hu, dtype=np.float64)
    return (x - (center - width / 2)) / width
''',
        "divides by half the width": '''def apply_window(hu, center, width):
    if not width > 0:
        raise ValueError("bad width")
    x = np.asarray(hu, dtype=np.float64)
    return np.clip((x - (center - width / 2)) / (width / 2), 0.0, 1.0)
''',
        "centre taken as the lower edge": '''def apply_window(hu, center, width):
    if not width > 0:
        raise ValueError("bad width")
    x = np.asarray(hu, dtype=np.float64)
    return np.clip((x - center) / width, 0.0, 1.0)
''',
        "clips to [-1, 1]": '''def apply_window(hu, center, width):
    if not width > 0:
        raise ValueError("bad width")
    x = np.asarray(hu, dtype=np.float64)
    return np.clip((x - center) / (width / 2), -1.0, 1.0)
''',
        "clips the HU before scaling, wrong edges": '''def apply_window(hu, center, width):
    if not width > 0:
        raise ValueError("bad width")
    x = np.clip(np.asarray(hu, dtype=np.float64), center - width, center + width)
    return (x - x.min()) / (x.max() - x.min())
''',
        "integer division": '''def apply_window(hu, center, width):
    if not width > 0:
        raise ValueError("bad width")
    x = np.asarray(hu)
    return np.clip((x - (center - width // 2)) // width, 0, 1)
''',
        "no width check": '''def apply_window(hu, center, width):
    x = np.asarray(hu, dtype=np.float64)
    with np.errstate(all="ignore"):
        return np.clip((x - (center - width / 2)) / width, 0.0, 1.0)
''',
    },
    "deidentify": {
        "blanks only PatientName, PatientID and InstitutionName": '''def deidentify(ds):
    if not isinstance(ds, pydicom.Dataset):
        raise ValueError("not a Dataset")
    out = copy.deepcopy(ds)
    out.remove_private_tags()
    for kw in ["PatientName", "PatientID", "InstitutionName"]:
        if kw in out:
            out[kw].value = ""
    out.PatientIdentityRemoved = "NO"
    out.DeidentificationMethod = "names and IDs emptied"
    return out
''',
        "shallow copy": '''def deidentify(ds):
    if not isinstance(ds, pydicom.Dataset):
        raise ValueError("not a Dataset")
    out = copy.copy(ds)
    out.remove_private_tags()

    def clean(dataset, elem):
        if elem.keyword in DIRECT_IDENTIFIERS:
            if elem.VR == "SQ":
                del dataset[elem.tag]
            else:
                elem.value = ""

    out.walk(clean)
    out.PatientIdentityRemoved = "NO"
    out.DeidentificationMethod = "direct identifiers emptied"
    return out
''',
        "works on the input itself": '''def deidentify(ds):
    if not isinstance(ds, pydicom.Dataset):
        raise ValueError("not a Dataset")
    ds.remove_private_tags()

    def clean(dataset, elem):
        if elem.keyword in DIRECT_IDENTIFIERS:
            if elem.VR == "SQ":
                del dataset[elem.tag]
            else:
                elem.value = ""

    ds.walk(clean)
    ds.PatientIdentityRemoved = "NO"
    ds.DeidentificationMethod = "direct identifiers emptied"
    return ds
''',
        "private tags kept inside a sequence": '''def deidentify(ds):
    if not isinstance(ds, pydicom.Dataset):
        raise ValueError("not a Dataset")
    out = copy.deepcopy(ds)
    for tag in [t for t in out.keys() if t.is_private]:
        del out[tag]

    def clean(dataset, elem):
        if elem.keyword in DIRECT_IDENTIFIERS:
            if elem.VR == "SQ":
                del dataset[elem.tag]
            else:
                elem.value = ""

    out.walk(clean)
    out.PatientIdentityRemoved = "NO"
    out.DeidentificationMethod = "direct identifiers emptied"
    return out
''',
        "top level only (nested identifiers kept)": '''def deidentify(ds):
    if not isinstance(ds, pydicom.Dataset):
        raise ValueError("not a Dataset")
    out = copy.deepcopy(ds)
    out.remove_private_tags()
    for kw in DIRECT_IDENTIFIERS:
        if kw in out:
            if out[kw].VR == "SQ":
                del out[kw]
            else:
                out[kw].value = ""
    out.PatientIdentityRemoved = "NO"
    out.DeidentificationMethod = "direct identifiers emptied"
    return out
''',
        "keeps the identifier sequences": '''def deidentify(ds):
    if not isinstance(ds, pydicom.Dataset):
        raise ValueError("not a Dataset")
    out = copy.deepcopy(ds)
    out.remove_private_tags()

    def clean(dataset, elem):
        if elem.keyword in DIRECT_IDENTIFIERS and elem.VR != "SQ":
            elem.value = ""

    out.walk(clean)
    out.PatientIdentityRemoved = "NO"
    out.DeidentificationMethod = "direct identifiers emptied"
    return out
''',
        "deletes every sequence": '''def deidentify(ds):
    if not isinstance(ds, pydicom.Dataset):
        raise ValueError("not a Dataset")
    out = copy.deepcopy(ds)
    out.remove_private_tags()
    for elem in list(out):
        if elem.VR == "SQ":
            del out[elem.tag]
    for kw in DIRECT_IDENTIFIERS:
        if kw in out:
            out[kw].value = ""
    out.PatientIdentityRemoved = "NO"
    out.DeidentificationMethod = "direct identifiers emptied"
    return out
''',
        "claims YES": '''def deidentify(ds):
    if not isinstance(ds, pydicom.Dataset):
        raise ValueError("not a Dataset")
    out = copy.deepcopy(ds)
    out.remove_private_tags()

    def clean(dataset, elem):
        if elem.keyword in DIRECT_IDENTIFIERS:
            if elem.VR == "SQ":
                del dataset[elem.tag]
            else:
                elem.value = ""

    out.walk(clean)
    out.PatientIdentityRemoved = "YES"
    return out
''',
        "no DeidentificationMethod": '''def deidentify(ds):
    if not isinstance(ds, pydicom.Dataset):
        raise ValueError("not a Dataset")
    out = copy.deepcopy(ds)
    out.remove_private_tags()

    def clean(dataset, elem):
        if elem.keyword in DIRECT_IDENTIFIERS:
            if elem.VR == "SQ":
                del dataset[elem.tag]
            else:
                elem.value = ""

    out.walk(clean)
    out.PatientIdentityRemoved = "NO"
    return out
''',
        "removes acquisition metadata too": '''def deidentify(ds):
    if not isinstance(ds, pydicom.Dataset):
        raise ValueError("not a Dataset")
    out = pydicom.Dataset()
    out.PixelData = ds.PixelData
    out.PatientIdentityRemoved = "NO"
    out.DeidentificationMethod = "everything but the pixels removed"
    return out
''',
        "no type check": '''def deidentify(ds):
    out = copy.deepcopy(ds)
    if isinstance(out, pydicom.Dataset):
        out.remove_private_tags()

        def clean(dataset, elem):
            if elem.keyword in DIRECT_IDENTIFIERS:
                if elem.VR == "SQ":
                    del dataset[elem.tag]
                else:
                    elem.value = ""

        out.walk(clean)
        out.PatientIdentityRemoved = "NO"
        out.DeidentificationMethod = "direct identifiers emptied"
    return out
''',
    },
}
