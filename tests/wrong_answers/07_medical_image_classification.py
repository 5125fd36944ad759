"""Plausible wrong answers for notebook 07; each must fail at least one test cell of its exercise."""

WRONG_ANSWERS = {
    "patient_split": {
        "random split of images (a patient on both sides)": '''def patient_split(patient_ids, test_fraction, seed):
    ids = np.asarray(patient_ids)
    if ids.ndim != 1 or not 0 < test_fraction < 1:
        raise ValueError("bad input")
    order = np.random.default_rng(seed).permutation(len(ids))
    n_test = int(round(test_fraction * len(ids)))
    return np.sort(order[n_test:]), np.sort(order[:n_test])
''',
        "test_fraction applied to images (patients added until enough images)": '''def patient_split(patient_ids, test_fraction, seed):
    ids = np.asarray(patient_ids)
    if ids.ndim != 1 or not 0 < test_fraction < 1:
        raise ValueError("bad input")
    unique = np.random.default_rng(seed).permutation(np.unique(ids))
    chosen, n_images = [], 0
    for p in unique:
        if n_images >= test_fraction * len(ids):
            break
        chosen.append(p)
        n_images += int(np.sum(ids == p))
    if not 0 < len(chosen) < len(unique):
        raise ValueError("empty side")
    in_test = np.isin(ids, chosen)
    return np.flatnonzero(~in_test), np.flatnonzero(in_test)
''',
        "floor instead of round": '''def patient_split(patient_ids, test_fraction, seed):
    ids = np.asarray(patient_ids)
    if ids.ndim != 1 or not 0 < test_fraction < 1:
        raise ValueError("bad input")
    unique = np.unique(ids)
    n_test = int(test_fraction * len(unique))
    if not 0 < n_test < len(unique):
        raise ValueError("empty side")
    test_patients = np.random.default_rng(seed).permutation(unique)[:n_test]
    in_test = np.isin(ids, test_patients)
    return np.flatnonzero(~in_test), np.flatnonzero(in_test)
''',
        "not seeded": '''def patient_split(patient_ids, test_fraction, seed):
    ids = np.asarray(patient_ids)
    if ids.ndim != 1 or not 0 < test_fraction < 1:
        raise ValueError("bad input")
    unique = np.unique(ids)
    n_test = int(round(test_fraction * len(unique)))
    if not 0 < n_test < len(unique):
        raise ValueError("empty side")
    test_patients = np.random.default_rng().permutation(unique)[:n_test]
    in_test = np.isin(ids, test_patients)
    return np.flatnonzero(~in_test), np.flatnonzero(in_test)
''',
        "indices grouped by patient, not sorted": '''def patient_split(patient_ids, test_fraction, seed):
    ids = np.asarray(patient_ids)
    if ids.ndim != 1 or not 0 < test_fraction < 1:
        raise ValueError("bad input")
    unique = np.random.default_rng(seed).permutation(np.unique(ids))
    n_test = int(round(test_fraction * len(unique)))
    if not 0 < n_test < len(unique):
        raise ValueError("empty side")
    test = np.concatenate([np.flatnonzero(ids == p) for p in unique[:n_test]])
    train = np.concatenate([np.flatnonzero(ids == p) for p in unique[n_test:]])
    return train, test
''',
        "returns patient ids instead of image indices": '''def patient_split(patient_ids, test_fraction, seed):
    ids = np.asarray(patient_ids)
    if ids.ndim != 1 or not 0 < test_fraction < 1:
        raise ValueError("bad input")
    unique = np.random.default_rng(seed).permutation(np.unique(ids))
    n_test = int(round(test_fraction * len(unique)))
    if not 0 < n_test < len(unique):
        raise ValueError("empty side")
    return np.sort(unique[n_test:]), np.sort(unique[:n_test])
''',
        "no input checks": '''def patient_split(patient_ids, test_fraction, seed):
    ids = np.asarray(patient_ids)
    unique = np.unique(ids)
    n_test = int(round(test_fraction * len(unique)))
    test_patients = np.random.default_rng(seed).permutation(unique)[:n_test]
    in_test = np.isin(ids, test_patients)
    return np.flatnonzero(~in_test), np.flatnonzero(in_test)
''',
    },
    "class_weights": {
        "inverted (n_c K / n)": '''def class_weights(y):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("bad labels")
    classes, counts = np.unique(y, return_counts=True)
    return {int(c): float(len(classes) * k / y.size) for c, k in zip(classes, counts)}
''',
        "class frequencies": '''def class_weights(y):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("bad labels")
    classes, counts = np.unique(y, return_counts=True)
    return {int(c): float(k / y.size) for c, k in zip(classes, counts)}
''',
        "no division by the number of classes": '''def class_weights(y):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("bad labels")
    classes, counts = np.unique(y, return_counts=True)
    return {int(c): float(y.size / k) for c, k in zip(classes, counts)}
''',
        "always two classes 0 and 1": '''def class_weights(y):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("bad labels")
    n_pos = np.sum(y == 1)
    return {0: float(y.size / (2 * (y.size - n_pos))), 1: float(y.size / (2 * n_pos))}
''',
        "no input checks": '''def class_weights(y):
    y = np.asarray(y).ravel()
    classes, counts = np.unique(y, return_counts=True)
    return {int(c): float(y.size / (len(classes) * k)) for c, k in zip(classes, counts)}
''',
    },
    "weighted_binary_crossentropy": {
        "divides by the sum of the weights": '''from keras import ops


def weighted_binary_crossentropy(w_pos, w_neg):
    if not (np.isfinite(w_pos) and np.isfinite(w_neg)) or w_pos < 0 or w_neg < 0:
        raise ValueError("bad weights")

    def loss(y_true, y_pred):
        y_pred = ops.clip(ops.convert_to_tensor(y_pred), 1e-7, 1 - 1e-7)
        y_true = ops.cast(y_true, y_pred.dtype)
        w = w_pos * y_true + w_neg * (1 - y_true)
        bce = -(y_true * ops.log(y_pred) + (1 - y_true) * ops.log(1 - y_pred))
        return ops.sum(w * bce) / ops.sum(w)

    return loss
''',
        "no clipping": '''from keras import ops


def weighted_binary_crossentropy(w_pos, w_neg):
    if not (np.isfinite(w_pos) and np.isfinite(w_neg)) or w_pos < 0 or w_neg < 0:
        raise ValueError("bad weights")

    def loss(y_true, y_pred):
        y_pred = ops.convert_to_tensor(y_pred)
        y_true = ops.cast(y_true, y_pred.dtype)
        return ops.mean(-(w_pos * y_true * ops.log(y_pred) + w_neg * (1 - y_true) * ops.log(1 - y_pred)))

    return loss
''',
        "clips at 1e-12 instead of 1e-7": '''from keras import ops


def weighted_binary_crossentropy(w_pos, w_neg):
    if not (np.isfinite(w_pos) and np.isfinite(w_neg)) or w_pos < 0 or w_neg < 0:
        raise ValueError("bad weights")

    def loss(y_true, y_pred):
        y_pred = ops.cast(ops.convert_to_tensor(y_pred), "float64")
        y_pred = ops.clip(y_pred, 1e-12, 1 - 1e-12)
        y_true = ops.cast(y_true, y_pred.dtype)
        return ops.mean(-(w_pos * y_true * ops.log(y_pred) + w_neg * (1 - y_true) * ops.log(1 - y_pred)))

    return loss
''',
        "weights swapped": '''from keras import ops


def weighted_binary_crossentropy(w_pos, w_neg):
    if not (np.isfinite(w_pos) and np.isfinite(w_neg)) or w_pos < 0 or w_neg < 0:
        raise ValueError("bad weights")

    def loss(y_true, y_pred):
        y_pred = ops.clip(ops.convert_to_tensor(y_pred), 1e-7, 1 - 1e-7)
        y_true = ops.cast(y_true, y_pred.dtype)
        return ops.mean(-(w_neg * y_true * ops.log(y_pred) + w_pos * (1 - y_true) * ops.log(1 - y_pred)))

    return loss
''',
        "sum instead of mean": '''from keras import ops


def weighted_binary_crossentropy(w_pos, w_neg):
    if not (np.isfinite(w_pos) and np.isfinite(w_neg)) or w_pos < 0 or w_neg < 0:
        raise ValueError("bad weights")

    def loss(y_true, y_pred):
        y_pred = ops.clip(ops.convert_to_tensor(y_pred), 1e-7, 1 - 1e-7)
        y_true = ops.cast(y_true, y_pred.dtype)
        return ops.sum(-(w_pos * y_true * ops.log(y_pred) + w_neg * (1 - y_true) * ops.log(1 - y_pred)))

    return loss
''',
        "weights only on the positive term": '''from keras import ops


def weighted_binary_crossentropy(w_pos, w_neg):
    if not (np.isfinite(w_pos) and np.isfinite(w_neg)) or w_pos < 0 or w_neg < 0:
        raise ValueError("bad weights")

    def loss(y_true, y_pred):
        y_pred = ops.clip(ops.convert_to_tensor(y_pred), 1e-7, 1 - 1e-7)
        y_true = ops.cast(y_true, y_pred.dtype)
        return ops.mean(-(w_pos * y_true * ops.log(y_pred) + (1 - y_true) * ops.log(1 - y_pred)))

    return loss
''',
        "no weight checks": '''from keras import ops


def weighted_binary_crossentropy(w_pos, w_neg):
    def loss(y_true, y_pred):
        y_pred = ops.clip(ops.convert_to_tensor(y_pred), 1e-7, 1 - 1e-7)
        y_true = ops.cast(y_true, y_pred.dtype)
        return ops.mean(-(w_pos * y_true * ops.log(y_pred) + w_neg * (1 - y_true) * ops.log(1 - y_pred)))

    return loss
''',
    },
    "confusion_counts": {
        "fp and fn swapped": '''def confusion_counts(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape or not np.all(np.isin(y_true, [0, 1])) or not np.all(np.isin(y_pred, [0, 1])):
        raise ValueError("bad input")
    t, p = y_true == 1, y_pred == 1
    return int(np.sum(t & p)), int(np.sum(t & ~p)), int(np.sum(~t & ~p)), int(np.sum(~t & p))
''',
        "order (tp, tn, fp, fn)": '''def confusion_counts(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape or not np.all(np.isin(y_true, [0, 1])) or not np.all(np.isin(y_pred, [0, 1])):
        raise ValueError("bad input")
    t, p = y_true == 1, y_pred == 1
    return int(np.sum(t & p)), int(np.sum(~t & ~p)), int(np.sum(~t & p)), int(np.sum(t & ~p))
''',
        "scores accepted (no 0/1 check)": '''def confusion_counts(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError("bad input")
    t, p = y_true == 1, y_pred == 1
    return int(np.sum(t & p)), int(np.sum(~t & p)), int(np.sum(~t & ~p)), int(np.sum(t & ~p))
''',
    },
    "diagnostic_metrics": {
        "sensitivity and specificity swapped": '''def diagnostic_metrics(y_true, y_pred):
    tp, fp, tn, fn = confusion_counts(y_true, y_pred)
    r = lambda a, b: float(a / b) if b else float("nan")
    return {"sensitivity": r(tn, tn + fp), "specificity": r(tp, tp + fn), "ppv": r(tp, tp + fp),
            "npv": r(tn, tn + fn), "accuracy": r(tp + tn, tp + fp + tn + fn)}
''',
        "ppv = TP / (TP + FN)": '''def diagnostic_metrics(y_true, y_pred):
    tp, fp, tn, fn = confusion_counts(y_true, y_pred)
    r = lambda a, b: float(a / b) if b else float("nan")
    return {"sensitivity": r(tp, tp + fn), "specificity": r(tn, tn + fp), "ppv": r(tp, tp + fn),
            "npv": r(tn, tn + fn), "accuracy": r(tp + tn, tp + fp + tn + fn)}
''',
        "npv = TN / (TN + FP)": '''def diagnostic_metrics(y_true, y_pred):
    tp, fp, tn, fn = confusion_counts(y_true, y_pred)
    r = lambda a, b: float(a / b) if b else float("nan")
    return {"sensitivity": r(tp, tp + fn), "specificity": r(tn, tn + fp), "ppv": r(tp, tp + fp),
            "npv": r(tn, tn + fp), "accuracy": r(tp + tn, tp + fp + tn + fn)}
''',
        "0/0 raises ZeroDivisionError": '''def diagnostic_metrics(y_true, y_pred):
    tp, fp, tn, fn = confusion_counts(y_true, y_pred)
    return {"sensitivity": tp / (tp + fn), "specificity": tn / (tn + fp), "ppv": tp / (tp + fp),
            "npv": tn / (tn + fn), "accuracy": (tp + tn) / (tp + fp + tn + fn)}
''',
        "0/0 gives 0": '''def diagnostic_metrics(y_true, y_pred):
    tp, fp, tn, fn = confusion_counts(y_true, y_pred)
    r = lambda a, b: float(a / b) if b else 0.0
    return {"sensitivity": r(tp, tp + fn), "specificity": r(tn, tn + fp), "ppv": r(tp, tp + fp),
            "npv": r(tn, tn + fn), "accuracy": r(tp + tn, tp + fp + tn + fn)}
''',
        "numpy division with a warning": '''def diagnostic_metrics(y_true, y_pred):
    tp, fp, tn, fn = (np.float64(v) for v in confusion_counts(y_true, y_pred))
    return {"sensitivity": float(tp / (tp + fn)), "specificity": float(tn / (tn + fp)), "ppv": float(tp / (tp + fp)),
            "npv": float(tn / (tn + fn)), "accuracy": float((tp + tn) / (tp + fp + tn + fn))}
''',
        "accuracy as the mean of sensitivity and specificity": '''def diagnostic_metrics(y_true, y_pred):
    tp, fp, tn, fn = confusion_counts(y_true, y_pred)
    r = lambda a, b: float(a / b) if b else float("nan")
    return {"sensitivity": r(tp, tp + fn), "specificity": r(tn, tn + fp), "ppv": r(tp, tp + fp),
            "npv": r(tn, tn + fn), "accuracy": (r(tp, tp + fn) + r(tn, tn + fp)) / 2}
''',
    },
    "roc_curve_points": {
        "one point per film (ties ignored)": '''def roc_curve_points(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y_true.shape != scores.shape or not np.all(np.isin(y_true, [0, 1])) or len(np.unique(y_true)) < 2:
        raise ValueError("bad input")
    order = np.argsort(-scores, kind="stable")
    pos = y_true[order] == 1
    tpr = np.concatenate([[0.0], np.cumsum(pos) / pos.sum()])
    fpr = np.concatenate([[0.0], np.cumsum(~pos) / (~pos).sum()])
    return fpr, tpr, np.concatenate([[np.inf], scores[order]])
''',
        "no (0, 0) start": '''def roc_curve_points(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y_true.shape != scores.shape or not np.all(np.isin(y_true, [0, 1])) or len(np.unique(y_true)) < 2:
        raise ValueError("bad input")
    thr = np.unique(scores)[::-1]
    pos = y_true == 1
    tpr = np.array([np.sum(pos & (scores >= t)) / pos.sum() for t in thr])
    fpr = np.array([np.sum(~pos & (scores >= t)) / (~pos).sum() for t in thr])
    return fpr, tpr, thr
''',
        "score > threshold instead of >=": '''def roc_curve_points(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y_true.shape != scores.shape or not np.all(np.isin(y_true, [0, 1])) or len(np.unique(y_true)) < 2:
        raise ValueError("bad input")
    thr = np.concatenate([[np.inf], np.unique(scores)[::-1]])
    pos = y_true == 1
    tpr = np.array([np.sum(pos & (scores > t)) / pos.sum() for t in thr])
    fpr = np.array([np.sum(~pos & (scores > t)) / (~pos).sum() for t in thr])
    return fpr, tpr, thr
''',
        "misses the (1, 1) end": '''def roc_curve_points(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y_true.shape != scores.shape or not np.all(np.isin(y_true, [0, 1])) or len(np.unique(y_true)) < 2:
        raise ValueError("bad input")
    thr = np.concatenate([[np.inf], np.unique(scores)[::-1][:-1]])
    pos = y_true == 1
    tpr = np.array([np.sum(pos & (scores >= t)) / pos.sum() for t in thr])
    fpr = np.array([np.sum(~pos & (scores >= t)) / (~pos).sum() for t in thr])
    return fpr, tpr, thr
''',
        "first threshold max + 1 instead of inf": '''def roc_curve_points(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y_true.shape != scores.shape or not np.all(np.isin(y_true, [0, 1])) or len(np.unique(y_true)) < 2:
        raise ValueError("bad input")
    thr = np.concatenate([[scores.max() + 1], np.unique(scores)[::-1]])
    pos = y_true == 1
    tpr = np.array([np.sum(pos & (scores >= t)) / pos.sum() for t in thr])
    fpr = np.array([np.sum(~pos & (scores >= t)) / (~pos).sum() for t in thr])
    return fpr, tpr, thr
''',
        "thresholds increasing": '''def roc_curve_points(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y_true.shape != scores.shape or not np.all(np.isin(y_true, [0, 1])) or len(np.unique(y_true)) < 2:
        raise ValueError("bad input")
    thr = np.concatenate([np.unique(scores), [np.inf]])
    pos = y_true == 1
    tpr = np.array([np.sum(pos & (scores >= t)) / pos.sum() for t in thr])
    fpr = np.array([np.sum(~pos & (scores >= t)) / (~pos).sum() for t in thr])
    return fpr, tpr, thr
''',
        "one class gives nan instead of ValueError": '''def roc_curve_points(y_true, scores):
    y_true, scores = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y_true.shape != scores.shape:
        raise ValueError("bad input")
    thr = np.concatenate([[np.inf], np.unique(scores)[::-1]])
    pos = y_true == 1
    with np.errstate(all="ignore"):
        tpr = np.array([np.sum(pos & (scores >= t)) / pos.sum() for t in thr])
        fpr = np.array([np.sum(~pos & (scores >= t)) / (~pos).sum() for t in thr])
    return fpr, tpr, thr
''',
    },
    "auc_trapezoid": {
        "left rectangles": '''def auc_trapezoid(fpr, tpr):
    fpr, tpr = np.asarray(fpr, dtype=float), np.asarray(tpr, dtype=float)
    if fpr.shape != tpr.shape or fpr.size < 2 or np.any(np.diff(fpr) < 0):
        raise ValueError("bad input")
    return float(np.sum(np.diff(fpr) * tpr[:-1]))
''',
        "right rectangles": '''def auc_trapezoid(fpr, tpr):
    fpr, tpr = np.asarray(fpr, dtype=float), np.asarray(tpr, dtype=float)
    if fpr.shape != tpr.shape or fpr.size < 2 or np.any(np.diff(fpr) < 0):
        raise ValueError("bad input")
    return float(np.sum(np.diff(fpr) * tpr[1:]))
''',
        "mean of tpr": '''def auc_trapezoid(fpr, tpr):
    fpr, tpr = np.asarray(fpr, dtype=float), np.asarray(tpr, dtype=float)
    if fpr.shape != tpr.shape or fpr.size < 2 or np.any(np.diff(fpr) < 0):
        raise ValueError("bad input")
    return float(np.mean(tpr))
''',
        "no check that fpr never decreases": '''def auc_trapezoid(fpr, tpr):
    fpr, tpr = np.asarray(fpr, dtype=float), np.asarray(tpr, dtype=float)
    if fpr.shape != tpr.shape or fpr.size < 2:
        raise ValueError("bad input")
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
''',
    },
    "bootstrap_ci": {
        "resamples once": '''def bootstrap_ci(metric, y_true, scores, n=1000, alpha=0.05, seed=0, groups=None):
    y_true, scores = np.asarray(y_true), np.asarray(scores)
    if len(y_true) != len(scores) or n < 1 or not 0 < alpha < 1:
        raise ValueError("bad input")
    idx = np.random.default_rng(seed).integers(0, len(y_true), len(y_true))
    values = [metric(y_true[idx], scores[idx]) for _ in range(n)]
    low, high = np.percentile(values, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(low), float(high)
''',
        "a new generator from the seed at every resample": '''def bootstrap_ci(metric, y_true, scores, n=1000, alpha=0.05, seed=0, groups=None):
    y_true, scores = np.asarray(y_true), np.asarray(scores)
    if len(y_true) != len(scores) or n < 1 or not 0 < alpha < 1:
        raise ValueError("bad input")
    values = []
    for _ in range(n):
        idx = np.random.default_rng(seed).integers(0, len(y_true), len(y_true))
        if len(np.unique(y_true[idx])) < 2:
            continue
        values.append(metric(y_true[idx], scores[idx]))
    low, high = np.percentile(values, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(low), float(high)
''',
        "resamples films even when groups are given": '''def bootstrap_ci(metric, y_true, scores, n=1000, alpha=0.05, seed=0, groups=None):
    y_true, scores = np.asarray(y_true), np.asarray(scores)
    if len(y_true) != len(scores) or n < 1 or not 0 < alpha < 1:
        raise ValueError("bad input")
    if groups is not None and len(groups) != len(y_true):
        raise ValueError("bad groups")
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(n):
        idx = rng.integers(0, len(y_true), len(y_true))
        if len(np.unique(y_true[idx])) < 2:
            continue
        values.append(metric(y_true[idx], scores[idx]))
    low, high = np.percentile(values, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(low), float(high)
''',
        "not seeded": '''def bootstrap_ci(metric, y_true, scores, n=1000, alpha=0.05, seed=0, groups=None):
    y_true, scores = np.asarray(y_true), np.asarray(scores)
    if len(y_true) != len(scores) or n < 1 or not 0 < alpha < 1:
        raise ValueError("bad input")
    rng = np.random.default_rng()
    if groups is not None:
        groups = np.asarray(groups)
        if len(groups) != len(y_true):
            raise ValueError("bad groups")
        members = [np.flatnonzero(groups == g) for g in np.unique(groups)]
    values = []
    for _ in range(n):
        if groups is None:
            idx = rng.integers(0, len(y_true), len(y_true))
        else:
            idx = np.concatenate([members[g] for g in rng.integers(0, len(members), len(members))])
        if len(np.unique(y_true[idx])) < 2:
            continue
        values.append(metric(y_true[idx], scores[idx]))
    low, high = np.percentile(values, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(low), float(high)
''',
        "one-class resamples not skipped": '''def bootstrap_ci(metric, y_true, scores, n=1000, alpha=0.05, seed=0, groups=None):
    y_true, scores = np.asarray(y_true), np.asarray(scores)
    if len(y_true) != len(scores) or n < 1 or not 0 < alpha < 1:
        raise ValueError("bad input")
    rng = np.random.default_rng(seed)
    if groups is not None:
        groups = np.asarray(groups)
        if len(groups) != len(y_true):
            raise ValueError("bad groups")
        members = [np.flatnonzero(groups == g) for g in np.unique(groups)]
    values = []
    for _ in range(n):
        if groups is None:
            idx = rng.integers(0, len(y_true), len(y_true))
        else:
            idx = np.concatenate([members[g] for g in rng.integers(0, len(members), len(members))])
        values.append(metric(y_true[idx], scores[idx]))
    low, high = np.percentile(values, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(low), float(high)
''',
        "draws as many groups as films": '''def bootstrap_ci(metric, y_true, scores, n=1000, alpha=0.05, seed=0, groups=None):
    y_true, scores = np.asarray(y_true), np.asarray(scores)
    if len(y_true) != len(scores) or n < 1 or not 0 < alpha < 1:
        raise ValueError("bad input")
    rng = np.random.default_rng(seed)
    if groups is not None:
        groups = np.asarray(groups)
        if len(groups) != len(y_true):
            raise ValueError("bad groups")
        members = [np.flatnonzero(groups == g) for g in np.unique(groups)]
    values = []
    for _ in range(n):
        if groups is None:
            idx = rng.integers(0, len(y_true), len(y_true))
        else:
            idx = np.concatenate([members[g] for g in rng.integers(0, len(members), len(y_true))])
        if len(np.unique(y_true[idx])) < 2:
            continue
        values.append(metric(y_true[idx], scores[idx]))
    low, high = np.percentile(values, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(low), float(high)
''',
        "alpha ignored (always 95 %)": '''def bootstrap_ci(metric, y_true, scores, n=1000, alpha=0.05, seed=0, groups=None):
    y_true, scores = np.asarray(y_true), np.asarray(scores)
    if len(y_true) != len(scores) or n < 1 or not 0 < alpha < 1:
        raise ValueError("bad input")
    rng = np.random.default_rng(seed)
    if groups is not None:
        groups = np.asarray(groups)
        if len(groups) != len(y_true):
            raise ValueError("bad groups")
        members = [np.flatnonzero(groups == g) for g in np.unique(groups)]
    values = []
    for _ in range(n):
        if groups is None:
            idx = rng.integers(0, len(y_true), len(y_true))
        else:
            idx = np.concatenate([members[g] for g in rng.integers(0, len(members), len(members))])
        if len(np.unique(y_true[idx])) < 2:
            continue
        values.append(metric(y_true[idx], scores[idx]))
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)
''',
    },
    "grad_cam": {
        "no ReLU": '''def grad_cam(model, image, layer_name, class_index=None):
    image = np.asarray(image, dtype=np.float32)
    if image.ndim != 3:
        raise ValueError("one image (H, W, C)")
    sub = keras.Model(model.inputs, [model.get_layer(layer_name).output, model.output])
    with tf.GradientTape() as tape:
        maps, preds = sub(image[None], training=False)
        c = int(tf.argmax(preds[0])) if class_index is None else class_index
        score = preds[:, c]
    g = tape.gradient(score, maps)
    cam = tf.reduce_sum(maps * tf.reduce_mean(g, axis=(1, 2))[:, None, None, :], axis=-1)[0]
    cam = tf.image.resize(cam[..., None], image.shape[:2])[..., 0].numpy()
    return cam / cam.max() if cam.max() > 0 else np.zeros_like(cam)
''',
        "not normalised": '''def grad_cam(model, image, layer_name, class_index=None):
    image = np.asarray(image, dtype=np.float32)
    if image.ndim != 3:
        raise ValueError("one image (H, W, C)")
    sub = keras.Model(model.inputs, [model.get_layer(layer_name).output, model.output])
    with tf.GradientTape() as tape:
        maps, preds = sub(image[None], training=False)
        c = int(tf.argmax(preds[0])) if class_index is None else class_index
        score = preds[:, c]
    g = tape.gradient(score, maps)
    cam = tf.nn.relu(tf.reduce_sum(maps * tf.reduce_mean(g, axis=(1, 2))[:, None, None, :], axis=-1))[0]
    return tf.image.resize(cam[..., None], image.shape[:2])[..., 0].numpy()
''',
        "at the conv-map size": '''def grad_cam(model, image, layer_name, class_index=None):
    image = np.asarray(image, dtype=np.float32)
    if image.ndim != 3:
        raise ValueError("one image (H, W, C)")
    sub = keras.Model(model.inputs, [model.get_layer(layer_name).output, model.output])
    with tf.GradientTape() as tape:
        maps, preds = sub(image[None], training=False)
        c = int(tf.argmax(preds[0])) if class_index is None else class_index
        score = preds[:, c]
    g = tape.gradient(score, maps)
    cam = tf.nn.relu(tf.reduce_sum(maps * tf.reduce_mean(g, axis=(1, 2))[:, None, None, :], axis=-1))[0].numpy()
    return cam / cam.max() if cam.max() > 0 else np.zeros_like(cam)
''',
        "gradients of the top class even when class_index is given": '''def grad_cam(model, image, layer_name, class_index=None):
    image = np.asarray(image, dtype=np.float32)
    if image.ndim != 3:
        raise ValueError("one image (H, W, C)")
    sub = keras.Model(model.inputs, [model.get_layer(layer_name).output, model.output])
    with tf.GradientTape() as tape:
        maps, preds = sub(image[None], training=False)
        score = preds[:, int(tf.argmax(preds[0]))]
    g = tape.gradient(score, maps)
    cam = tf.nn.relu(tf.reduce_sum(maps * tf.reduce_mean(g, axis=(1, 2))[:, None, None, :], axis=-1))[0]
    cam = tf.image.resize(cam[..., None], image.shape[:2])[..., 0].numpy()
    return cam / cam.max() if cam.max() > 0 else np.zeros_like(cam)
''',
        "gradients of output unit 0 by default": '''def grad_cam(model, image, layer_name, class_index=None):
    image = np.asarray(image, dtype=np.float32)
    if image.ndim != 3:
        raise ValueError("one image (H, W, C)")
    sub = keras.Model(model.inputs, [model.get_layer(layer_name).output, model.output])
    with tf.GradientTape() as tape:
        maps, preds = sub(image[None], training=False)
        score = preds[:, 0 if class_index is None else class_index]
    g = tape.gradient(score, maps)
    cam = tf.nn.relu(tf.reduce_sum(maps * tf.reduce_mean(g, axis=(1, 2))[:, None, None, :], axis=-1))[0]
    cam = tf.image.resize(cam[..., None], image.shape[:2])[..., 0].numpy()
    return cam / cam.max() if cam.max() > 0 else np.zeros_like(cam)
''',
        "divides by zero on an all-zero map": '''def grad_cam(model, image, layer_name, class_index=None):
    image = np.asarray(image, dtype=np.float32)
    if image.ndim != 3:
        raise ValueError("one image (H, W, C)")
    sub = keras.Model(model.inputs, [model.get_layer(layer_name).output, model.output])
    with tf.GradientTape() as tape:
        maps, preds = sub(image[None], training=False)
        c = int(tf.argmax(preds[0])) if class_index is None else class_index
        score = preds[:, c]
    g = tape.gradient(score, maps)
    cam = tf.nn.relu(tf.reduce_sum(maps * tf.reduce_mean(g, axis=(1, 2))[:, None, None, :], axis=-1))[0]
    cam = tf.image.resize(cam[..., None], image.shape[:2])[..., 0].numpy().astype(np.float64)
    return cam / cam.max()
''',
        "normalised before resizing": '''def grad_cam(model, image, layer_name, class_index=None):
    image = np.asarray(image, dtype=np.float32)
    if image.ndim != 3:
        raise ValueError("one image (H, W, C)")
    sub = keras.Model(model.inputs, [model.get_layer(layer_name).output, model.output])
    with tf.GradientTape() as tape:
        maps, preds = sub(image[None], training=False)
        c = int(tf.argmax(preds[0])) if class_index is None else class_index
        score = preds[:, c]
    g = tape.gradient(score, maps)
    cam = tf.nn.relu(tf.reduce_sum(maps * tf.reduce_mean(g, axis=(1, 2))[:, None, None, :], axis=-1))[0]
    cam = cam / tf.reduce_max(cam) if float(tf.reduce_max(cam)) > 0 else cam
    return tf.image.resize(cam[..., None], image.shape[:2])[..., 0].numpy()
''',
        "weights = maximum of the gradient instead of the mean": '''def grad_cam(model, image, layer_name, class_index=None):
    image = np.asarray(image, dtype=np.float32)
    if image.ndim != 3:
        raise ValueError("one image (H, W, C)")
    sub = keras.Model(model.inputs, [model.get_layer(layer_name).output, model.output])
    with tf.GradientTape() as tape:
        maps, preds = sub(image[None], training=False)
        c = int(tf.argmax(preds[0])) if class_index is None else class_index
        score = preds[:, c]
    g = tape.gradient(score, maps)
    cam = tf.nn.relu(tf.reduce_sum(maps * tf.reduce_max(g, axis=(1, 2))[:, None, None, :], axis=-1))[0]
    cam = tf.image.resize(cam[..., None], image.shape[:2])[..., 0].numpy()
    return cam / cam.max() if cam.max() > 0 else np.zeros_like(cam)
''',
        "no check of the image's shape": '''def grad_cam(model, image, layer_name, class_index=None):
    image = np.asarray(image, dtype=np.float32).reshape(*np.shape(image)[:2], -1)
    sub = keras.Model(model.inputs, [model.get_layer(layer_name).output, model.output])
    with tf.GradientTape() as tape:
        maps, preds = sub(image[None], training=False)
        c = int(tf.argmax(preds[0])) if class_index is None else class_index
        score = preds[:, c]
    g = tape.gradient(score, maps)
    cam = tf.nn.relu(tf.reduce_sum(maps * tf.reduce_mean(g, axis=(1, 2))[:, None, None, :], axis=-1))[0]
    cam = tf.image.resize(cam[..., None], image.shape[:2])[..., 0].numpy()
    return cam / cam.max() if cam.max() > 0 else np.zeros_like(cam)
''',
    },
}
