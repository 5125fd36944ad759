"""Plausible wrong answers for notebook 08; each must fail at least one test cell of its exercise."""

WRONG_ANSWERS = {
    'box_iou': {
        "'+1 pixel' widths and heights": '''def box_iou(boxes_a, boxes_b):
    """IoU of every box of ``boxes_a`` (N, 4) with every box of ``boxes_b`` (M, 4) -> (N, M) float array."""
    a = np.asarray(boxes_a, dtype=np.float64)
    b = np.asarray(boxes_b, dtype=np.float64)
    for name, boxes in (("boxes_a", a), ("boxes_b", b)):
        if boxes.ndim != 2 or boxes.shape[1] != 4:
            raise ValueError(f"box_iou: {name} has shape {boxes.shape}; expected (K, 4) rows of "
                             "(x_min, y_min, x_max, y_max) (use boxes[None] for a single box)")
        if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
            raise ValueError(f"box_iou: {name} has a box with x_max < x_min or y_max < y_min; "
                             "boxes are (x_min, y_min, x_max, y_max)")
    left = np.maximum(a[:, None, 0], b[None, :, 0])
    top = np.maximum(a[:, None, 1], b[None, :, 1])
    right = np.minimum(a[:, None, 2], b[None, :, 2])
    bottom = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.clip(right - left + 1, 0.0, None) * np.clip(bottom - top + 1, 0.0, None)
    area_a = (a[:, 2] - a[:, 0] + 1) * (a[:, 3] - a[:, 1] + 1)
    area_b = (b[:, 2] - b[:, 0] + 1) * (b[:, 3] - b[:, 1] + 1)
    union = area_a[:, None] + area_b[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
''',
        'intersection not clipped at 0': '''def box_iou(boxes_a, boxes_b):
    """IoU of every box of ``boxes_a`` (N, 4) with every box of ``boxes_b`` (M, 4) -> (N, M) float array."""
    a = np.asarray(boxes_a, dtype=np.float64)
    b = np.asarray(boxes_b, dtype=np.float64)
    for name, boxes in (("boxes_a", a), ("boxes_b", b)):
        if boxes.ndim != 2 or boxes.shape[1] != 4:
            raise ValueError(f"box_iou: {name} has shape {boxes.shape}; expected (K, 4) rows of "
                             "(x_min, y_min, x_max, y_max) (use boxes[None] for a single box)")
        if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
            raise ValueError(f"box_iou: {name} has a box with x_max < x_min or y_max < y_min; "
                             "boxes are (x_min, y_min, x_max, y_max)")
    left = np.maximum(a[:, None, 0], b[None, :, 0])
    top = np.maximum(a[:, None, 1], b[None, :, 1])
    right = np.minimum(a[:, None, 2], b[None, :, 2])
    bottom = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = (right - left) * (bottom - top)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_a[:, None] + area_b[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
''',
        'intersection area clipped after multiplying': '''def box_iou(boxes_a, boxes_b):
    """IoU of every box of ``boxes_a`` (N, 4) with every box of ``boxes_b`` (M, 4) -> (N, M) float array."""
    a = np.asarray(boxes_a, dtype=np.float64)
    b = np.asarray(boxes_b, dtype=np.float64)
    for name, boxes in (("boxes_a", a), ("boxes_b", b)):
        if boxes.ndim != 2 or boxes.shape[1] != 4:
            raise ValueError(f"box_iou: {name} has shape {boxes.shape}; expected (K, 4) rows of "
                             "(x_min, y_min, x_max, y_max) (use boxes[None] for a single box)")
        if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
            raise ValueError(f"box_iou: {name} has a box with x_max < x_min or y_max < y_min; "
                             "boxes are (x_min, y_min, x_max, y_max)")
    left = np.maximum(a[:, None, 0], b[None, :, 0])
    top = np.maximum(a[:, None, 1], b[None, :, 1])
    right = np.minimum(a[:, None, 2], b[None, :, 2])
    bottom = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.clip((right - left) * (bottom - top), 0.0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_a[:, None] + area_b[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
''',
        'union without subtracting the intersection': '''def box_iou(boxes_a, boxes_b):
    """IoU of every box of ``boxes_a`` (N, 4) with every box of ``boxes_b`` (M, 4) -> (N, M) float array."""
    a = np.asarray(boxes_a, dtype=np.float64)
    b = np.asarray(boxes_b, dtype=np.float64)
    for name, boxes in (("boxes_a", a), ("boxes_b", b)):
        if boxes.ndim != 2 or boxes.shape[1] != 4:
            raise ValueError(f"box_iou: {name} has shape {boxes.shape}; expected (K, 4) rows of "
                             "(x_min, y_min, x_max, y_max) (use boxes[None] for a single box)")
        if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
            raise ValueError(f"box_iou: {name} has a box with x_max < x_min or y_max < y_min; "
                             "boxes are (x_min, y_min, x_max, y_max)")
    left = np.maximum(a[:, None, 0], b[None, :, 0])
    top = np.maximum(a[:, None, 1], b[None, :, 1])
    right = np.minimum(a[:, None, 2], b[None, :, 2])
    bottom = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.clip(right - left, 0.0, None) * np.clip(bottom - top, 0.0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_a[:, None] + area_b[None, :]
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
''',
        'divides by a zero union (NaN for empty boxes)': '''def box_iou(boxes_a, boxes_b):
    """IoU of every box of ``boxes_a`` (N, 4) with every box of ``boxes_b`` (M, 4) -> (N, M) float array."""
    a = np.asarray(boxes_a, dtype=np.float64)
    b = np.asarray(boxes_b, dtype=np.float64)
    for name, boxes in (("boxes_a", a), ("boxes_b", b)):
        if boxes.ndim != 2 or boxes.shape[1] != 4:
            raise ValueError(f"box_iou: {name} has shape {boxes.shape}; expected (K, 4) rows of "
                             "(x_min, y_min, x_max, y_max) (use boxes[None] for a single box)")
        if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
            raise ValueError(f"box_iou: {name} has a box with x_max < x_min or y_max < y_min; "
                             "boxes are (x_min, y_min, x_max, y_max)")
    left = np.maximum(a[:, None, 0], b[None, :, 0])
    top = np.maximum(a[:, None, 1], b[None, :, 1])
    right = np.minimum(a[:, None, 2], b[None, :, 2])
    bottom = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.clip(right - left, 0.0, None) * np.clip(bottom - top, 0.0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_a[:, None] + area_b[None, :] - inter
    return inter / union
''',
        'intersection over the smaller box instead of the union': '''def box_iou(boxes_a, boxes_b):
    """IoU of every box of ``boxes_a`` (N, 4) with every box of ``boxes_b`` (M, 4) -> (N, M) float array."""
    a = np.asarray(boxes_a, dtype=np.float64)
    b = np.asarray(boxes_b, dtype=np.float64)
    for name, boxes in (("boxes_a", a), ("boxes_b", b)):
        if boxes.ndim != 2 or boxes.shape[1] != 4:
            raise ValueError(f"box_iou: {name} has shape {boxes.shape}; expected (K, 4) rows of "
                             "(x_min, y_min, x_max, y_max) (use boxes[None] for a single box)")
        if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
            raise ValueError(f"box_iou: {name} has a box with x_max < x_min or y_max < y_min; "
                             "boxes are (x_min, y_min, x_max, y_max)")
    left = np.maximum(a[:, None, 0], b[None, :, 0])
    top = np.maximum(a[:, None, 1], b[None, :, 1])
    right = np.minimum(a[:, None, 2], b[None, :, 2])
    bottom = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.clip(right - left, 0.0, None) * np.clip(bottom - top, 0.0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_a[:, None] + area_b[None, :] - inter
    small = np.minimum(area_a[:, None], area_b[None, :])
    return np.divide(inter, small, out=np.zeros_like(inter), where=small > 0)
''',
        'pairs box i with box i only (no broadcasting)': '''def box_iou(boxes_a, boxes_b):
    """IoU of every box of ``boxes_a`` (N, 4) with every box of ``boxes_b`` (M, 4) -> (N, M) float array."""
    a = np.asarray(boxes_a, dtype=np.float64)
    b = np.asarray(boxes_b, dtype=np.float64)
    for name, boxes in (("boxes_a", a), ("boxes_b", b)):
        if boxes.ndim != 2 or boxes.shape[1] != 4:
            raise ValueError(f"box_iou: {name} has shape {boxes.shape}; expected (K, 4) rows of "
                             "(x_min, y_min, x_max, y_max) (use boxes[None] for a single box)")
        if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
            raise ValueError(f"box_iou: {name} has a box with x_max < x_min or y_max < y_min; "
                             "boxes are (x_min, y_min, x_max, y_max)")
    left = np.maximum(a[:, 0], b[:, 0])
    top = np.maximum(a[:, 1], b[:, 1])
    right = np.minimum(a[:, 2], b[:, 2])
    bottom = np.minimum(a[:, 3], b[:, 3])
    inter = np.clip(right - left, 0.0, None) * np.clip(bottom - top, 0.0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_a + area_b - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
''',
        'x and y mixed up (x_min with y_max)': '''def box_iou(boxes_a, boxes_b):
    """IoU of every box of ``boxes_a`` (N, 4) with every box of ``boxes_b`` (M, 4) -> (N, M) float array."""
    a = np.asarray(boxes_a, dtype=np.float64)
    b = np.asarray(boxes_b, dtype=np.float64)
    for name, boxes in (("boxes_a", a), ("boxes_b", b)):
        if boxes.ndim != 2 or boxes.shape[1] != 4:
            raise ValueError(f"box_iou: {name} has shape {boxes.shape}; expected (K, 4) rows of "
                             "(x_min, y_min, x_max, y_max) (use boxes[None] for a single box)")
        if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
            raise ValueError(f"box_iou: {name} has a box with x_max < x_min or y_max < y_min; "
                             "boxes are (x_min, y_min, x_max, y_max)")
    left = np.maximum(a[:, None, 0], b[None, :, 0])
    top = np.maximum(a[:, None, 1], b[None, :, 1])
    right = np.minimum(a[:, None, 3], b[None, :, 3])
    bottom = np.minimum(a[:, None, 2], b[None, :, 2])
    inter = np.clip(right - left, 0.0, None) * np.clip(bottom - top, 0.0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_a[:, None] + area_b[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
''',
        'no input checks': '''def box_iou(boxes_a, boxes_b):
    """IoU of every box of ``boxes_a`` (N, 4) with every box of ``boxes_b`` (M, 4) -> (N, M) float array."""
    a = np.asarray(boxes_a, dtype=np.float64)
    b = np.asarray(boxes_b, dtype=np.float64)
    for name, boxes in (("boxes_a", a), ("boxes_b", b)):
        if False:
            raise ValueError(f"box_iou: {name} has shape {boxes.shape}; expected (K, 4) rows of "
                             "(x_min, y_min, x_max, y_max) (use boxes[None] for a single box)")
        if False:
            raise ValueError(f"box_iou: {name} has a box with x_max < x_min or y_max < y_min; "
                             "boxes are (x_min, y_min, x_max, y_max)")
    left = np.maximum(a[:, None, 0], b[None, :, 0])
    top = np.maximum(a[:, None, 1], b[None, :, 1])
    right = np.minimum(a[:, None, 2], b[None, :, 2])
    bottom = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.clip(right - left, 0.0, None) * np.clip(bottom - top, 0.0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_a[:, None] + area_b[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
''',
    },
    'non_max_suppression': {
        'boxes not sorted by score': '''def non_max_suppression(boxes, scores, iou_threshold=0.5, score_threshold=0.0):
    """Indices of the boxes kept by greedy NMS, highest score first (int array)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    scores = np.asarray(scores, dtype=np.float64)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"non_max_suppression: boxes has shape {boxes.shape}; expected (N, 4)")
    if scores.shape != (boxes.shape[0],):
        raise ValueError(f"non_max_suppression: scores has shape {scores.shape}; expected ({boxes.shape[0]},), "
                         "one score per box")
    if not 0.0 <= iou_threshold <= 1.0:
        raise ValueError(f"non_max_suppression: iou_threshold={iou_threshold} must lie in [0, 1]")
    order = np.arange(len(scores))
    order = order[scores[order] > score_threshold]
    keep = []
    while order.size > 0:
        best = order[0]
        keep.append(best)
        rest = order[1:]
        overlaps = box_iou(boxes[best][None], boxes[rest])[0]
        order = rest[overlaps <= iou_threshold]
    return np.array(keep, dtype=np.int64)
''',
        'sorted lowest score first': '''def non_max_suppression(boxes, scores, iou_threshold=0.5, score_threshold=0.0):
    """Indices of the boxes kept by greedy NMS, highest score first (int array)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    scores = np.asarray(scores, dtype=np.float64)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"non_max_suppression: boxes has shape {boxes.shape}; expected (N, 4)")
    if scores.shape != (boxes.shape[0],):
        raise ValueError(f"non_max_suppression: scores has shape {scores.shape}; expected ({boxes.shape[0]},), "
                         "one score per box")
    if not 0.0 <= iou_threshold <= 1.0:
        raise ValueError(f"non_max_suppression: iou_threshold={iou_threshold} must lie in [0, 1]")
    order = np.argsort(scores, kind="stable")
    order = order[scores[order] > score_threshold]
    keep = []
    while order.size > 0:
        best = order[0]
        keep.append(best)
        rest = order[1:]
        overlaps = box_iou(boxes[best][None], boxes[rest])[0]
        order = rest[overlaps <= iou_threshold]
    return np.array(keep, dtype=np.int64)
''',
        'suppresses IoU >= threshold': '''def non_max_suppression(boxes, scores, iou_threshold=0.5, score_threshold=0.0):
    """Indices of the boxes kept by greedy NMS, highest score first (int array)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    scores = np.asarray(scores, dtype=np.float64)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"non_max_suppression: boxes has shape {boxes.shape}; expected (N, 4)")
    if scores.shape != (boxes.shape[0],):
        raise ValueError(f"non_max_suppression: scores has shape {scores.shape}; expected ({boxes.shape[0]},), "
                         "one score per box")
    if not 0.0 <= iou_threshold <= 1.0:
        raise ValueError(f"non_max_suppression: iou_threshold={iou_threshold} must lie in [0, 1]")
    order = np.argsort(-scores, kind="stable")
    order = order[scores[order] > score_threshold]
    keep = []
    while order.size > 0:
        best = order[0]
        keep.append(best)
        rest = order[1:]
        overlaps = box_iou(boxes[best][None], boxes[rest])[0]
        order = rest[overlaps < iou_threshold]
    return np.array(keep, dtype=np.int64)
''',
        'ignores the score threshold': '''def non_max_suppression(boxes, scores, iou_threshold=0.5, score_threshold=0.0):
    """Indices of the boxes kept by greedy NMS, highest score first (int array)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    scores = np.asarray(scores, dtype=np.float64)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"non_max_suppression: boxes has shape {boxes.shape}; expected (N, 4)")
    if scores.shape != (boxes.shape[0],):
        raise ValueError(f"non_max_suppression: scores has shape {scores.shape}; expected ({boxes.shape[0]},), "
                         "one score per box")
    if not 0.0 <= iou_threshold <= 1.0:
        raise ValueError(f"non_max_suppression: iou_threshold={iou_threshold} must lie in [0, 1]")
    order = np.argsort(-scores, kind="stable")
    keep = []
    while order.size > 0:
        best = order[0]
        keep.append(best)
        rest = order[1:]
        overlaps = box_iou(boxes[best][None], boxes[rest])[0]
        order = rest[overlaps <= iou_threshold]
    return np.array(keep, dtype=np.int64)
''',
        'keeps scores >= score threshold': '''def non_max_suppression(boxes, scores, iou_threshold=0.5, score_threshold=0.0):
    """Indices of the boxes kept by greedy NMS, highest score first (int array)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    scores = np.asarray(scores, dtype=np.float64)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"non_max_suppression: boxes has shape {boxes.shape}; expected (N, 4)")
    if scores.shape != (boxes.shape[0],):
        raise ValueError(f"non_max_suppression: scores has shape {scores.shape}; expected ({boxes.shape[0]},), "
                         "one score per box")
    if not 0.0 <= iou_threshold <= 1.0:
        raise ValueError(f"non_max_suppression: iou_threshold={iou_threshold} must lie in [0, 1]")
    order = np.argsort(-scores, kind="stable")
    order = order[scores[order] >= score_threshold]
    keep = []
    while order.size > 0:
        best = order[0]
        keep.append(best)
        rest = order[1:]
        overlaps = box_iou(boxes[best][None], boxes[rest])[0]
        order = rest[overlaps <= iou_threshold]
    return np.array(keep, dtype=np.int64)
''',
        'suppresses only around the best box (one pass)': '''def non_max_suppression(boxes, scores, iou_threshold=0.5, score_threshold=0.0):
    """Indices of the boxes kept by greedy NMS, highest score first (int array)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    scores = np.asarray(scores, dtype=np.float64)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"non_max_suppression: boxes has shape {boxes.shape}; expected (N, 4)")
    if scores.shape != (boxes.shape[0],):
        raise ValueError(f"non_max_suppression: scores has shape {scores.shape}; expected ({boxes.shape[0]},), "
                         "one score per box")
    if not 0.0 <= iou_threshold <= 1.0:
        raise ValueError(f"non_max_suppression: iou_threshold={iou_threshold} must lie in [0, 1]")
    order = np.argsort(-scores, kind="stable")
    order = order[scores[order] > score_threshold]
    keep = []
    while order.size > 0:
        best = order[0]
        keep.append(best)
        rest = order[1:]
        overlaps = box_iou(boxes[best][None], boxes[rest])[0]
        keep.extend(rest[overlaps <= iou_threshold].tolist())
        break
    return np.array(keep, dtype=np.int64)
''',
        'returns the kept boxes instead of their indices': '''def non_max_suppression(boxes, scores, iou_threshold=0.5, score_threshold=0.0):
    """Indices of the boxes kept by greedy NMS, highest score first (int array)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    scores = np.asarray(scores, dtype=np.float64)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"non_max_suppression: boxes has shape {boxes.shape}; expected (N, 4)")
    if scores.shape != (boxes.shape[0],):
        raise ValueError(f"non_max_suppression: scores has shape {scores.shape}; expected ({boxes.shape[0]},), "
                         "one score per box")
    if not 0.0 <= iou_threshold <= 1.0:
        raise ValueError(f"non_max_suppression: iou_threshold={iou_threshold} must lie in [0, 1]")
    order = np.argsort(-scores, kind="stable")
    order = order[scores[order] > score_threshold]
    keep = []
    while order.size > 0:
        best = order[0]
        keep.append(best)
        rest = order[1:]
        overlaps = box_iou(boxes[best][None], boxes[rest])[0]
        order = rest[overlaps <= iou_threshold]
    return boxes[np.array(keep, dtype=np.int64)]
''',
        'kept indices returned in input order': '''def non_max_suppression(boxes, scores, iou_threshold=0.5, score_threshold=0.0):
    """Indices of the boxes kept by greedy NMS, highest score first (int array)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    scores = np.asarray(scores, dtype=np.float64)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"non_max_suppression: boxes has shape {boxes.shape}; expected (N, 4)")
    if scores.shape != (boxes.shape[0],):
        raise ValueError(f"non_max_suppression: scores has shape {scores.shape}; expected ({boxes.shape[0]},), "
                         "one score per box")
    if not 0.0 <= iou_threshold <= 1.0:
        raise ValueError(f"non_max_suppression: iou_threshold={iou_threshold} must lie in [0, 1]")
    order = np.argsort(-scores, kind="stable")
    order = order[scores[order] > score_threshold]
    keep = []
    while order.size > 0:
        best = order[0]
        keep.append(best)
        rest = order[1:]
        overlaps = box_iou(boxes[best][None], boxes[rest])[0]
        order = rest[overlaps <= iou_threshold]
    return np.sort(np.array(keep, dtype=np.int64))
''',
        'no input checks': '''def non_max_suppression(boxes, scores, iou_threshold=0.5, score_threshold=0.0):
    """Indices of the boxes kept by greedy NMS, highest score first (int array)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    scores = np.asarray(scores, dtype=np.float64)
    if False:
        raise ValueError(f"non_max_suppression: boxes has shape {boxes.shape}; expected (N, 4)")
    if False:
        raise ValueError(f"non_max_suppression: scores has shape {scores.shape}; expected ({boxes.shape[0]},), "
                         "one score per box")
    if False:
        raise ValueError(f"non_max_suppression: iou_threshold={iou_threshold} must lie in [0, 1]")
    order = np.argsort(-scores, kind="stable")
    order = order[scores[order] > score_threshold]
    keep = []
    while order.size > 0:
        best = order[0]
        keep.append(best)
        rest = order[1:]
        overlaps = box_iou(boxes[best][None], boxes[rest])[0]
        order = rest[overlaps <= iou_threshold]
    return np.array(keep, dtype=np.int64)
''',
    },
    'encode_grid_targets': {
        'row and column swapped': '''def encode_grid_targets(boxes, image_size, grid_size):
    """Targets (S, S, 5) = [objectness, x offset, y offset, w / W, h / H] of one image's boxes (K, 4)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    if boxes.size == 0:
        boxes = boxes.reshape(0, 4)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"encode_grid_targets: boxes has shape {boxes.shape}; expected (K, 4)")
    size = np.atleast_1d(np.asarray(image_size))
    if size.shape not in ((1,), (2,)) or np.any(size <= 0) or np.any(size != np.round(size)):
        raise ValueError(f"encode_grid_targets: image_size={image_size!r}; expected a positive int or a pair (H, W)")
    H, W = (float(size[0]), float(size[0])) if size.shape == (1,) else (float(size[0]), float(size[1]))
    if int(grid_size) != grid_size or grid_size < 1:
        raise ValueError(f"encode_grid_targets: grid_size={grid_size!r}; expected a positive int")
    S = int(grid_size)
    if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
        raise ValueError("encode_grid_targets: a box has x_max < x_min or y_max < y_min")
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    if np.any((cx < 0) | (cx > W) | (cy < 0) | (cy > H)):
        raise ValueError(f"encode_grid_targets: a box centre lies outside the {H:g} x {W:g} image")
    target = np.zeros((S, S, 5), dtype=np.float32)
    for (x0, y0, x1, y1), x, y in zip(boxes, cx, cy):
        gx, gy = x * S / W, y * S / H
        col, row = min(int(np.floor(gx)), S - 1), min(int(np.floor(gy)), S - 1)
        target[col, row] = [1.0, gx - col, gy - row, (x1 - x0) / W, (y1 - y0) / H]
    return target
''',
        'offsets relative to the image, not the cell': '''def encode_grid_targets(boxes, image_size, grid_size):
    """Targets (S, S, 5) = [objectness, x offset, y offset, w / W, h / H] of one image's boxes (K, 4)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    if boxes.size == 0:
        boxes = boxes.reshape(0, 4)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"encode_grid_targets: boxes has shape {boxes.shape}; expected (K, 4)")
    size = np.atleast_1d(np.asarray(image_size))
    if size.shape not in ((1,), (2,)) or np.any(size <= 0) or np.any(size != np.round(size)):
        raise ValueError(f"encode_grid_targets: image_size={image_size!r}; expected a positive int or a pair (H, W)")
    H, W = (float(size[0]), float(size[0])) if size.shape == (1,) else (float(size[0]), float(size[1]))
    if int(grid_size) != grid_size or grid_size < 1:
        raise ValueError(f"encode_grid_targets: grid_size={grid_size!r}; expected a positive int")
    S = int(grid_size)
    if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
        raise ValueError("encode_grid_targets: a box has x_max < x_min or y_max < y_min")
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    if np.any((cx < 0) | (cx > W) | (cy < 0) | (cy > H)):
        raise ValueError(f"encode_grid_targets: a box centre lies outside the {H:g} x {W:g} image")
    target = np.zeros((S, S, 5), dtype=np.float32)
    for (x0, y0, x1, y1), x, y in zip(boxes, cx, cy):
        gx, gy = x * S / W, y * S / H
        col, row = min(int(np.floor(gx)), S - 1), min(int(np.floor(gy)), S - 1)
        target[row, col] = [1.0, x / W, y / H, (x1 - x0) / W, (y1 - y0) / H]
    return target
''',
        'widths and heights in pixels': '''def encode_grid_targets(boxes, image_size, grid_size):
    """Targets (S, S, 5) = [objectness, x offset, y offset, w / W, h / H] of one image's boxes (K, 4)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    if boxes.size == 0:
        boxes = boxes.reshape(0, 4)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"encode_grid_targets: boxes has shape {boxes.shape}; expected (K, 4)")
    size = np.atleast_1d(np.asarray(image_size))
    if size.shape not in ((1,), (2,)) or np.any(size <= 0) or np.any(size != np.round(size)):
        raise ValueError(f"encode_grid_targets: image_size={image_size!r}; expected a positive int or a pair (H, W)")
    H, W = (float(size[0]), float(size[0])) if size.shape == (1,) else (float(size[0]), float(size[1]))
    if int(grid_size) != grid_size or grid_size < 1:
        raise ValueError(f"encode_grid_targets: grid_size={grid_size!r}; expected a positive int")
    S = int(grid_size)
    if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
        raise ValueError("encode_grid_targets: a box has x_max < x_min or y_max < y_min")
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    if np.any((cx < 0) | (cx > W) | (cy < 0) | (cy > H)):
        raise ValueError(f"encode_grid_targets: a box centre lies outside the {H:g} x {W:g} image")
    target = np.zeros((S, S, 5), dtype=np.float32)
    for (x0, y0, x1, y1), x, y in zip(boxes, cx, cy):
        gx, gy = x * S / W, y * S / H
        col, row = min(int(np.floor(gx)), S - 1), min(int(np.floor(gy)), S - 1)
        target[row, col] = [1.0, gx - col, gy - row, x1 - x0, y1 - y0]
    return target
''',
        'sizes as fractions of the cell': '''def encode_grid_targets(boxes, image_size, grid_size):
    """Targets (S, S, 5) = [objectness, x offset, y offset, w / W, h / H] of one image's boxes (K, 4)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    if boxes.size == 0:
        boxes = boxes.reshape(0, 4)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"encode_grid_targets: boxes has shape {boxes.shape}; expected (K, 4)")
    size = np.atleast_1d(np.asarray(image_size))
    if size.shape not in ((1,), (2,)) or np.any(size <= 0) or np.any(size != np.round(size)):
        raise ValueError(f"encode_grid_targets: image_size={image_size!r}; expected a positive int or a pair (H, W)")
    H, W = (float(size[0]), float(size[0])) if size.shape == (1,) else (float(size[0]), float(size[1]))
    if int(grid_size) != grid_size or grid_size < 1:
        raise ValueError(f"encode_grid_targets: grid_size={grid_size!r}; expected a positive int")
    S = int(grid_size)
    if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
        raise ValueError("encode_grid_targets: a box has x_max < x_min or y_max < y_min")
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    if np.any((cx < 0) | (cx > W) | (cy < 0) | (cy > H)):
        raise ValueError(f"encode_grid_targets: a box centre lies outside the {H:g} x {W:g} image")
    target = np.zeros((S, S, 5), dtype=np.float32)
    for (x0, y0, x1, y1), x, y in zip(boxes, cx, cy):
        gx, gy = x * S / W, y * S / H
        col, row = min(int(np.floor(gx)), S - 1), min(int(np.floor(gy)), S - 1)
        target[row, col] = [1.0, gx - col, gy - row, (x1 - x0) * S / W, (y1 - y0) * S / H]
    return target
''',
        'offsets in pixels': '''def encode_grid_targets(boxes, image_size, grid_size):
    """Targets (S, S, 5) = [objectness, x offset, y offset, w / W, h / H] of one image's boxes (K, 4)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    if boxes.size == 0:
        boxes = boxes.reshape(0, 4)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"encode_grid_targets: boxes has shape {boxes.shape}; expected (K, 4)")
    size = np.atleast_1d(np.asarray(image_size))
    if size.shape not in ((1,), (2,)) or np.any(size <= 0) or np.any(size != np.round(size)):
        raise ValueError(f"encode_grid_targets: image_size={image_size!r}; expected a positive int or a pair (H, W)")
    H, W = (float(size[0]), float(size[0])) if size.shape == (1,) else (float(size[0]), float(size[1]))
    if int(grid_size) != grid_size or grid_size < 1:
        raise ValueError(f"encode_grid_targets: grid_size={grid_size!r}; expected a positive int")
    S = int(grid_size)
    if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
        raise ValueError("encode_grid_targets: a box has x_max < x_min or y_max < y_min")
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    if np.any((cx < 0) | (cx > W) | (cy < 0) | (cy > H)):
        raise ValueError(f"encode_grid_targets: a box centre lies outside the {H:g} x {W:g} image")
    target = np.zeros((S, S, 5), dtype=np.float32)
    for (x0, y0, x1, y1), x, y in zip(boxes, cx, cy):
        gx, gy = x * S / W, y * S / H
        col, row = min(int(np.floor(gx)), S - 1), min(int(np.floor(gy)), S - 1)
        target[row, col] = [1.0, x - col * W / S, y - row * H / S, (x1 - x0) / W, (y1 - y0) / H]
    return target
''',
        'row from x and the width, column from y and the height': '''def encode_grid_targets(boxes, image_size, grid_size):
    """Targets (S, S, 5) = [objectness, x offset, y offset, w / W, h / H] of one image's boxes (K, 4)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    if boxes.size == 0:
        boxes = boxes.reshape(0, 4)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"encode_grid_targets: boxes has shape {boxes.shape}; expected (K, 4)")
    size = np.atleast_1d(np.asarray(image_size))
    if size.shape not in ((1,), (2,)) or np.any(size <= 0) or np.any(size != np.round(size)):
        raise ValueError(f"encode_grid_targets: image_size={image_size!r}; expected a positive int or a pair (H, W)")
    H, W = (float(size[0]), float(size[0])) if size.shape == (1,) else (float(size[0]), float(size[1]))
    if int(grid_size) != grid_size or grid_size < 1:
        raise ValueError(f"encode_grid_targets: grid_size={grid_size!r}; expected a positive int")
    S = int(grid_size)
    if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
        raise ValueError("encode_grid_targets: a box has x_max < x_min or y_max < y_min")
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    if np.any((cx < 0) | (cx > W) | (cy < 0) | (cy > H)):
        raise ValueError(f"encode_grid_targets: a box centre lies outside the {H:g} x {W:g} image")
    target = np.zeros((S, S, 5), dtype=np.float32)
    for (x0, y0, x1, y1), x, y in zip(boxes, cx, cy):
        gx, gy = y * S / H, x * S / W
        col, row = min(int(np.floor(gx)), S - 1), min(int(np.floor(gy)), S - 1)
        target[row, col] = [1.0, gx - col, gy - row, (x1 - x0) / W, (y1 - y0) / H]
    return target
''',
        'height and width of image_size swapped': '''def encode_grid_targets(boxes, image_size, grid_size):
    """Targets (S, S, 5) = [objectness, x offset, y offset, w / W, h / H] of one image's boxes (K, 4)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    if boxes.size == 0:
        boxes = boxes.reshape(0, 4)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"encode_grid_targets: boxes has shape {boxes.shape}; expected (K, 4)")
    size = np.atleast_1d(np.asarray(image_size))
    if size.shape not in ((1,), (2,)) or np.any(size <= 0) or np.any(size != np.round(size)):
        raise ValueError(f"encode_grid_targets: image_size={image_size!r}; expected a positive int or a pair (H, W)")
    H, W = (float(size[0]), float(size[0])) if size.shape == (1,) else (float(size[1]), float(size[0]))
    if int(grid_size) != grid_size or grid_size < 1:
        raise ValueError(f"encode_grid_targets: grid_size={grid_size!r}; expected a positive int")
    S = int(grid_size)
    if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
        raise ValueError("encode_grid_targets: a box has x_max < x_min or y_max < y_min")
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    if np.any((cx < 0) | (cx > W) | (cy < 0) | (cy > H)):
        raise ValueError(f"encode_grid_targets: a box centre lies outside the {H:g} x {W:g} image")
    target = np.zeros((S, S, 5), dtype=np.float32)
    for (x0, y0, x1, y1), x, y in zip(boxes, cx, cy):
        gx, gy = x * S / W, y * S / H
        col, row = min(int(np.floor(gx)), S - 1), min(int(np.floor(gy)), S - 1)
        target[row, col] = [1.0, gx - col, gy - row, (x1 - x0) / W, (y1 - y0) / H]
    return target
''',
        'cell of the top-left corner instead of the centre': '''def encode_grid_targets(boxes, image_size, grid_size):
    """Targets (S, S, 5) = [objectness, x offset, y offset, w / W, h / H] of one image's boxes (K, 4)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    if boxes.size == 0:
        boxes = boxes.reshape(0, 4)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"encode_grid_targets: boxes has shape {boxes.shape}; expected (K, 4)")
    size = np.atleast_1d(np.asarray(image_size))
    if size.shape not in ((1,), (2,)) or np.any(size <= 0) or np.any(size != np.round(size)):
        raise ValueError(f"encode_grid_targets: image_size={image_size!r}; expected a positive int or a pair (H, W)")
    H, W = (float(size[0]), float(size[0])) if size.shape == (1,) else (float(size[0]), float(size[1]))
    if int(grid_size) != grid_size or grid_size < 1:
        raise ValueError(f"encode_grid_targets: grid_size={grid_size!r}; expected a positive int")
    S = int(grid_size)
    if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
        raise ValueError("encode_grid_targets: a box has x_max < x_min or y_max < y_min")
    cx, cy = boxes[:, 0], boxes[:, 1]
    if np.any((cx < 0) | (cx > W) | (cy < 0) | (cy > H)):
        raise ValueError(f"encode_grid_targets: a box centre lies outside the {H:g} x {W:g} image")
    target = np.zeros((S, S, 5), dtype=np.float32)
    for (x0, y0, x1, y1), x, y in zip(boxes, cx, cy):
        gx, gy = x * S / W, y * S / H
        col, row = min(int(np.floor(gx)), S - 1), min(int(np.floor(gy)), S - 1)
        target[row, col] = [1.0, gx - col, gy - row, (x1 - x0) / W, (y1 - y0) / H]
    return target
''',
        'index not clipped to S - 1 (centre on the edge)': '''def encode_grid_targets(boxes, image_size, grid_size):
    """Targets (S, S, 5) = [objectness, x offset, y offset, w / W, h / H] of one image's boxes (K, 4)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    if boxes.size == 0:
        boxes = boxes.reshape(0, 4)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"encode_grid_targets: boxes has shape {boxes.shape}; expected (K, 4)")
    size = np.atleast_1d(np.asarray(image_size))
    if size.shape not in ((1,), (2,)) or np.any(size <= 0) or np.any(size != np.round(size)):
        raise ValueError(f"encode_grid_targets: image_size={image_size!r}; expected a positive int or a pair (H, W)")
    H, W = (float(size[0]), float(size[0])) if size.shape == (1,) else (float(size[0]), float(size[1]))
    if int(grid_size) != grid_size or grid_size < 1:
        raise ValueError(f"encode_grid_targets: grid_size={grid_size!r}; expected a positive int")
    S = int(grid_size)
    if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
        raise ValueError("encode_grid_targets: a box has x_max < x_min or y_max < y_min")
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    if np.any((cx < 0) | (cx > W) | (cy < 0) | (cy > H)):
        raise ValueError(f"encode_grid_targets: a box centre lies outside the {H:g} x {W:g} image")
    target = np.zeros((S, S, 5), dtype=np.float32)
    for (x0, y0, x1, y1), x, y in zip(boxes, cx, cy):
        gx, gy = x * S / W, y * S / H
        col, row = int(np.floor(gx)), int(np.floor(gy))
        target[row, col] = [1.0, gx - col, gy - row, (x1 - x0) / W, (y1 - y0) / H]
    return target
''',
        'rounds the cell index instead of flooring': '''def encode_grid_targets(boxes, image_size, grid_size):
    """Targets (S, S, 5) = [objectness, x offset, y offset, w / W, h / H] of one image's boxes (K, 4)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    if boxes.size == 0:
        boxes = boxes.reshape(0, 4)
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"encode_grid_targets: boxes has shape {boxes.shape}; expected (K, 4)")
    size = np.atleast_1d(np.asarray(image_size))
    if size.shape not in ((1,), (2,)) or np.any(size <= 0) or np.any(size != np.round(size)):
        raise ValueError(f"encode_grid_targets: image_size={image_size!r}; expected a positive int or a pair (H, W)")
    H, W = (float(size[0]), float(size[0])) if size.shape == (1,) else (float(size[0]), float(size[1]))
    if int(grid_size) != grid_size or grid_size < 1:
        raise ValueError(f"encode_grid_targets: grid_size={grid_size!r}; expected a positive int")
    S = int(grid_size)
    if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
        raise ValueError("encode_grid_targets: a box has x_max < x_min or y_max < y_min")
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    if np.any((cx < 0) | (cx > W) | (cy < 0) | (cy > H)):
        raise ValueError(f"encode_grid_targets: a box centre lies outside the {H:g} x {W:g} image")
    target = np.zeros((S, S, 5), dtype=np.float32)
    for (x0, y0, x1, y1), x, y in zip(boxes, cx, cy):
        gx, gy = x * S / W, y * S / H
        col, row = min(int(np.round(gx)), S - 1), min(int(np.round(gy)), S - 1)
        target[row, col] = [1.0, gx - col, gy - row, (x1 - x0) / W, (y1 - y0) / H]
    return target
''',
        'no input checks': '''def encode_grid_targets(boxes, image_size, grid_size):
    """Targets (S, S, 5) = [objectness, x offset, y offset, w / W, h / H] of one image's boxes (K, 4)."""
    boxes = np.asarray(boxes, dtype=np.float64)
    if boxes.size == 0:
        boxes = boxes.reshape(0, 4)
    if False:
        raise ValueError(f"encode_grid_targets: boxes has shape {boxes.shape}; expected (K, 4)")
    size = np.atleast_1d(np.asarray(image_size))
    if size.shape not in ((1,), (2,)) or np.any(size <= 0) or np.any(size != np.round(size)):
        raise ValueError(f"encode_grid_targets: image_size={image_size!r}; expected a positive int or a pair (H, W)")
    H, W = (float(size[0]), float(size[0])) if size.shape == (1,) else (float(size[0]), float(size[1]))
    if False:
        raise ValueError(f"encode_grid_targets: grid_size={grid_size!r}; expected a positive int")
    S = int(grid_size)
    if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
        raise ValueError("encode_grid_targets: a box has x_max < x_min or y_max < y_min")
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    if False:
        raise ValueError(f"encode_grid_targets: a box centre lies outside the {H:g} x {W:g} image")
    target = np.zeros((S, S, 5), dtype=np.float32)
    for (x0, y0, x1, y1), x, y in zip(boxes, cx, cy):
        gx, gy = x * S / W, y * S / H
        col, row = min(max(int(np.floor(gx)), 0), S - 1), min(max(int(np.floor(gy)), 0), S - 1)
        target[row, col] = [1.0, gx - col, gy - row, (x1 - x0) / W, (y1 - y0) / H]
    return target
''',
    },
    'decode_grid_predictions': {
        'forgets the cell offset': '''def decode_grid_predictions(pred, image_size, score_threshold=0.5):
    """Boxes (K, 4) in pixels and scores (K,) of the cells of one (S, S, 5) prediction above the threshold."""
    pred = np.asarray(pred, dtype=np.float64)
    if pred.ndim != 3 or pred.shape[0] != pred.shape[1] or pred.shape[2] != 5:
        raise ValueError(f"decode_grid_predictions: pred has shape {pred.shape}; expected (S, S, 5) for one image "
                         "(pass pred[i] for image i of a batch)")
    size = np.atleast_1d(np.asarray(image_size, dtype=np.float64))
    H, W = (size[0], size[0]) if size.shape == (1,) else (size[0], size[1])
    S = pred.shape[0]
    rows, cols = np.nonzero(pred[..., 0] > score_threshold)
    cell = pred[rows, cols]
    cx = cell[:, 1] * W / S
    cy = cell[:, 2] * H / S
    w, h = cell[:, 3] * W, cell[:, 4] * H
    boxes = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=1).reshape(-1, 4)
    return boxes, cell[:, 0].copy()
''',
        'rows and columns swapped': '''def decode_grid_predictions(pred, image_size, score_threshold=0.5):
    """Boxes (K, 4) in pixels and scores (K,) of the cells of one (S, S, 5) prediction above the threshold."""
    pred = np.asarray(pred, dtype=np.float64)
    if pred.ndim != 3 or pred.shape[0] != pred.shape[1] or pred.shape[2] != 5:
        raise ValueError(f"decode_grid_predictions: pred has shape {pred.shape}; expected (S, S, 5) for one image "
                         "(pass pred[i] for image i of a batch)")
    size = np.atleast_1d(np.asarray(image_size, dtype=np.float64))
    H, W = (size[0], size[0]) if size.shape == (1,) else (size[0], size[1])
    S = pred.shape[0]
    rows, cols = np.nonzero(pred[..., 0] > score_threshold)
    cell = pred[rows, cols]
    cx = (rows + cell[:, 1]) * W / S
    cy = (cols + cell[:, 2]) * H / S
    w, h = cell[:, 3] * W, cell[:, 4] * H
    boxes = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=1).reshape(-1, 4)
    return boxes, cell[:, 0].copy()
''',
        'keeps objectness >= threshold': '''def decode_grid_predictions(pred, image_size, score_threshold=0.5):
    """Boxes (K, 4) in pixels and scores (K,) of the cells of one (S, S, 5) prediction above the threshold."""
    pred = np.asarray(pred, dtype=np.float64)
    if pred.ndim != 3 or pred.shape[0] != pred.shape[1] or pred.shape[2] != 5:
        raise ValueError(f"decode_grid_predictions: pred has shape {pred.shape}; expected (S, S, 5) for one image "
                         "(pass pred[i] for image i of a batch)")
    size = np.atleast_1d(np.asarray(image_size, dtype=np.float64))
    H, W = (size[0], size[0]) if size.shape == (1,) else (size[0], size[1])
    S = pred.shape[0]
    rows, cols = np.nonzero(pred[..., 0] >= score_threshold)
    cell = pred[rows, cols]
    cx = (cols + cell[:, 1]) * W / S
    cy = (rows + cell[:, 2]) * H / S
    w, h = cell[:, 3] * W, cell[:, 4] * H
    boxes = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=1).reshape(-1, 4)
    return boxes, cell[:, 0].copy()
''',
        'sizes scaled by the cell, not the image': '''def decode_grid_predictions(pred, image_size, score_threshold=0.5):
    """Boxes (K, 4) in pixels and scores (K,) of the cells of one (S, S, 5) prediction above the threshold."""
    pred = np.asarray(pred, dtype=np.float64)
    if pred.ndim != 3 or pred.shape[0] != pred.shape[1] or pred.shape[2] != 5:
        raise ValueError(f"decode_grid_predictions: pred has shape {pred.shape}; expected (S, S, 5) for one image "
                         "(pass pred[i] for image i of a batch)")
    size = np.atleast_1d(np.asarray(image_size, dtype=np.float64))
    H, W = (size[0], size[0]) if size.shape == (1,) else (size[0], size[1])
    S = pred.shape[0]
    rows, cols = np.nonzero(pred[..., 0] > score_threshold)
    cell = pred[rows, cols]
    cx = (cols + cell[:, 1]) * W / S
    cy = (rows + cell[:, 2]) * H / S
    w, h = cell[:, 3] * W / S, cell[:, 4] * H / S
    boxes = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=1).reshape(-1, 4)
    return boxes, cell[:, 0].copy()
''',
        'returns centre and size instead of corners': '''def decode_grid_predictions(pred, image_size, score_threshold=0.5):
    """Boxes (K, 4) in pixels and scores (K,) of the cells of one (S, S, 5) prediction above the threshold."""
    pred = np.asarray(pred, dtype=np.float64)
    if pred.ndim != 3 or pred.shape[0] != pred.shape[1] or pred.shape[2] != 5:
        raise ValueError(f"decode_grid_predictions: pred has shape {pred.shape}; expected (S, S, 5) for one image "
                         "(pass pred[i] for image i of a batch)")
    size = np.atleast_1d(np.asarray(image_size, dtype=np.float64))
    H, W = (size[0], size[0]) if size.shape == (1,) else (size[0], size[1])
    S = pred.shape[0]
    rows, cols = np.nonzero(pred[..., 0] > score_threshold)
    cell = pred[rows, cols]
    cx = (cols + cell[:, 1]) * W / S
    cy = (rows + cell[:, 2]) * H / S
    w, h = cell[:, 3] * W, cell[:, 4] * H
    boxes = np.stack([cx, cy, w, h], axis=1).reshape(-1, 4)
    return boxes, cell[:, 0].copy()
''',
        'height and width of image_size swapped': '''def decode_grid_predictions(pred, image_size, score_threshold=0.5):
    """Boxes (K, 4) in pixels and scores (K,) of the cells of one (S, S, 5) prediction above the threshold."""
    pred = np.asarray(pred, dtype=np.float64)
    if pred.ndim != 3 or pred.shape[0] != pred.shape[1] or pred.shape[2] != 5:
        raise ValueError(f"decode_grid_predictions: pred has shape {pred.shape}; expected (S, S, 5) for one image "
                         "(pass pred[i] for image i of a batch)")
    size = np.atleast_1d(np.asarray(image_size, dtype=np.float64))
    H, W = (size[0], size[0]) if size.shape == (1,) else (size[1], size[0])
    S = pred.shape[0]
    rows, cols = np.nonzero(pred[..., 0] > score_threshold)
    cell = pred[rows, cols]
    cx = (cols + cell[:, 1]) * W / S
    cy = (rows + cell[:, 2]) * H / S
    w, h = cell[:, 3] * W, cell[:, 4] * H
    boxes = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=1).reshape(-1, 4)
    return boxes, cell[:, 0].copy()
''',
        'no input checks': '''def decode_grid_predictions(pred, image_size, score_threshold=0.5):
    """Boxes (K, 4) in pixels and scores (K,) of the cells of one (S, S, 5) prediction above the threshold."""
    pred = np.asarray(pred, dtype=np.float64)
    if False:
        raise ValueError(f"decode_grid_predictions: pred has shape {pred.shape}; expected (S, S, 5) for one image "
                         "(pass pred[i] for image i of a batch)")
    size = np.atleast_1d(np.asarray(image_size, dtype=np.float64))
    H, W = (size[0], size[0]) if size.shape == (1,) else (size[0], size[1])
    pred = pred.reshape(-1, pred.shape[-2], pred.shape[-1])[0] if pred.ndim == 4 else pred
    S = pred.shape[0]
    rows, cols = np.nonzero(pred[..., 0] > score_threshold)
    cell = pred[rows, cols]
    cx = (cols + cell[:, 1]) * W / S
    cy = (rows + cell[:, 2]) * H / S
    w, h = cell[:, 3] * W, cell[:, 4] * H
    boxes = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=1).reshape(-1, 4)
    return boxes, cell[:, 0].copy()
''',
    },
    'average_precision': {
        '11-point interpolation (VOC 2007)': '''def _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """Check the inputs, rank all detections by score and match them (VOC rule).

    Returns (scores (D,) in ranked order, is_tp (D,) bool, number of true boxes, number of images).
    """
    if not (len(pred_boxes) == len(pred_scores) == len(gt_boxes)):
        raise ValueError(f"got {len(pred_boxes)} pred_boxes, {len(pred_scores)} pred_scores and {len(gt_boxes)} "
                         "gt_boxes entries; pass one entry per image in each list")
    if not 0.0 < iou_threshold <= 1.0:
        raise ValueError(f"iou_threshold={iou_threshold} must lie in (0, 1]")
    boxes, gts, image_of, scores = [], [], [], []
    for i, (b, s, g) in enumerate(zip(pred_boxes, pred_scores, gt_boxes)):
        b = np.asarray(b, dtype=np.float64).reshape(-1, 4) if np.size(b) == 0 else np.asarray(b, dtype=np.float64)
        g = np.asarray(g, dtype=np.float64).reshape(-1, 4) if np.size(g) == 0 else np.asarray(g, dtype=np.float64)
        s = np.asarray(s, dtype=np.float64).reshape(-1)
        if b.ndim != 2 or b.shape[1] != 4 or g.ndim != 2 or g.shape[1] != 4:
            raise ValueError(f"image {i}: boxes must be (K, 4) arrays, got {b.shape} and {g.shape}")
        if len(s) != len(b):
            raise ValueError(f"image {i}: {len(b)} predicted boxes but {len(s)} scores; pass one score per box")
        boxes.append(b)
        gts.append(g)
        scores.append(s)
        image_of.append(np.full(len(b), i))
    n_true = sum(len(g) for g in gts)
    if n_true == 0:
        raise ValueError("there are no true boxes at all, so recall (and AP or sensitivity) is undefined")
    all_scores = np.concatenate(scores) if scores else np.zeros(0)
    all_boxes = np.concatenate(boxes) if boxes else np.zeros((0, 4))
    image_of = np.concatenate(image_of) if image_of else np.zeros(0, dtype=int)
    order = np.argsort(-all_scores, kind="stable")
    matched = [np.zeros(len(g), dtype=bool) for g in gts]
    is_tp = np.zeros(len(order), dtype=bool)
    for rank, d in enumerate(order):
        g = gts[image_of[d]]
        if len(g) == 0:
            continue
        ious = box_iou(all_boxes[d][None], g)[0]
        ious[matched[image_of[d]]] = -1.0
        best = int(np.argmax(ious))
        if ious[best] >= iou_threshold:
            is_tp[rank] = True
            matched[image_of[d]][best] = True
    return all_scores[order], is_tp, n_true, len(gts)


def average_precision(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """All-point interpolated average precision of detections over a list of images (a float)."""
    _, is_tp, n_true, _ = _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    if len(is_tp) == 0:
        return 0.0
    tp = np.cumsum(is_tp)
    fp = np.cumsum(~is_tp)
    recall, precision = tp / n_true, tp / (tp + fp)
    return float(np.mean([precision[recall >= r].max() if np.any(recall >= r) else 0.0 for r in np.linspace(0, 1, 11)]))
''',
        'no interpolation (area under the raw precision)': '''def _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """Check the inputs, rank all detections by score and match them (VOC rule).

    Returns (scores (D,) in ranked order, is_tp (D,) bool, number of true boxes, number of images).
    """
    if not (len(pred_boxes) == len(pred_scores) == len(gt_boxes)):
        raise ValueError(f"got {len(pred_boxes)} pred_boxes, {len(pred_scores)} pred_scores and {len(gt_boxes)} "
                         "gt_boxes entries; pass one entry per image in each list")
    if not 0.0 < iou_threshold <= 1.0:
        raise ValueError(f"iou_threshold={iou_threshold} must lie in (0, 1]")
    boxes, gts, image_of, scores = [], [], [], []
    for i, (b, s, g) in enumerate(zip(pred_boxes, pred_scores, gt_boxes)):
        b = np.asarray(b, dtype=np.float64).reshape(-1, 4) if np.size(b) == 0 else np.asarray(b, dtype=np.float64)
        g = np.asarray(g, dtype=np.float64).reshape(-1, 4) if np.size(g) == 0 else np.asarray(g, dtype=np.float64)
        s = np.asarray(s, dtype=np.float64).reshape(-1)
        if b.ndim != 2 or b.shape[1] != 4 or g.ndim != 2 or g.shape[1] != 4:
            raise ValueError(f"image {i}: boxes must be (K, 4) arrays, got {b.shape} and {g.shape}")
        if len(s) != len(b):
            raise ValueError(f"image {i}: {len(b)} predicted boxes but {len(s)} scores; pass one score per box")
        boxes.append(b)
        gts.append(g)
        scores.append(s)
        image_of.append(np.full(len(b), i))
    n_true = sum(len(g) for g in gts)
    if n_true == 0:
        raise ValueError("there are no true boxes at all, so recall (and AP or sensitivity) is undefined")
    all_scores = np.concatenate(scores) if scores else np.zeros(0)
    all_boxes = np.concatenate(boxes) if boxes else np.zeros((0, 4))
    image_of = np.concatenate(image_of) if image_of else np.zeros(0, dtype=int)
    order = np.argsort(-all_scores, kind="stable")
    matched = [np.zeros(len(g), dtype=bool) for g in gts]
    is_tp = np.zeros(len(order), dtype=bool)
    for rank, d in enumerate(order):
        g = gts[image_of[d]]
        if len(g) == 0:
            continue
        ious = box_iou(all_boxes[d][None], g)[0]
        ious[matched[image_of[d]]] = -1.0
        best = int(np.argmax(ious))
        if ious[best] >= iou_threshold:
            is_tp[rank] = True
            matched[image_of[d]][best] = True
    return all_scores[order], is_tp, n_true, len(gts)


def average_precision(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """All-point interpolated average precision of detections over a list of images (a float)."""
    _, is_tp, n_true, _ = _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    if len(is_tp) == 0:
        return 0.0
    tp = np.cumsum(is_tp)
    fp = np.cumsum(~is_tp)
    recall = np.concatenate([[0.0], tp / n_true, [1.0]])
    precision = np.concatenate([[0.0], tp / (tp + fp), [0.0]])
    step = np.flatnonzero(recall[1:] != recall[:-1])
    return float(np.sum((recall[step + 1] - recall[step]) * precision[step + 1]))
''',
        'duplicate detections counted as hits': '''def _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """Check the inputs, rank all detections by score and match them (VOC rule).

    Returns (scores (D,) in ranked order, is_tp (D,) bool, number of true boxes, number of images).
    """
    if not (len(pred_boxes) == len(pred_scores) == len(gt_boxes)):
        raise ValueError(f"got {len(pred_boxes)} pred_boxes, {len(pred_scores)} pred_scores and {len(gt_boxes)} "
                         "gt_boxes entries; pass one entry per image in each list")
    if not 0.0 < iou_threshold <= 1.0:
        raise ValueError(f"iou_threshold={iou_threshold} must lie in (0, 1]")
    boxes, gts, image_of, scores = [], [], [], []
    for i, (b, s, g) in enumerate(zip(pred_boxes, pred_scores, gt_boxes)):
        b = np.asarray(b, dtype=np.float64).reshape(-1, 4) if np.size(b) == 0 else np.asarray(b, dtype=np.float64)
        g = np.asarray(g, dtype=np.float64).reshape(-1, 4) if np.size(g) == 0 else np.asarray(g, dtype=np.float64)
        s = np.asarray(s, dtype=np.float64).reshape(-1)
        if b.ndim != 2 or b.shape[1] != 4 or g.ndim != 2 or g.shape[1] != 4:
            raise ValueError(f"image {i}: boxes must be (K, 4) arrays, got {b.shape} and {g.shape}")
        if len(s) != len(b):
            raise ValueError(f"image {i}: {len(b)} predicted boxes but {len(s)} scores; pass one score per box")
        boxes.append(b)
        gts.append(g)
        scores.append(s)
        image_of.append(np.full(len(b), i))
    n_true = sum(len(g) for g in gts)
    if n_true == 0:
        raise ValueError("there are no true boxes at all, so recall (and AP or sensitivity) is undefined")
    all_scores = np.concatenate(scores) if scores else np.zeros(0)
    all_boxes = np.concatenate(boxes) if boxes else np.zeros((0, 4))
    image_of = np.concatenate(image_of) if image_of else np.zeros(0, dtype=int)
    order = np.argsort(-all_scores, kind="stable")
    matched = [np.zeros(len(g), dtype=bool) for g in gts]
    is_tp = np.zeros(len(order), dtype=bool)
    for rank, d in enumerate(order):
        g = gts[image_of[d]]
        if len(g) == 0:
            continue
        ious = box_iou(all_boxes[d][None], g)[0]
        best = int(np.argmax(ious))
        if ious[best] >= iou_threshold:
            is_tp[rank] = True
            matched[image_of[d]][best] = True
    return all_scores[order], is_tp, n_true, len(gts)


def average_precision(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """All-point interpolated average precision of detections over a list of images (a float)."""
    _, is_tp, n_true, _ = _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    if len(is_tp) == 0:
        return 0.0
    tp = np.cumsum(is_tp)
    fp = np.cumsum(~is_tp)
    recall = np.concatenate([[0.0], tp / n_true, [1.0]])
    precision = np.concatenate([[0.0], tp / (tp + fp), [0.0]])
    precision = np.maximum.accumulate(precision[::-1])[::-1]
    step = np.flatnonzero(recall[1:] != recall[:-1])
    return float(np.sum((recall[step + 1] - recall[step]) * precision[step + 1]))
''',
        'images ranked separately (sorted within each image)': '''def _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """Check the inputs, rank all detections by score and match them (VOC rule).

    Returns (scores (D,) in ranked order, is_tp (D,) bool, number of true boxes, number of images).
    """
    if not (len(pred_boxes) == len(pred_scores) == len(gt_boxes)):
        raise ValueError(f"got {len(pred_boxes)} pred_boxes, {len(pred_scores)} pred_scores and {len(gt_boxes)} "
                         "gt_boxes entries; pass one entry per image in each list")
    if not 0.0 < iou_threshold <= 1.0:
        raise ValueError(f"iou_threshold={iou_threshold} must lie in (0, 1]")
    boxes, gts, image_of, scores = [], [], [], []
    for i, (b, s, g) in enumerate(zip(pred_boxes, pred_scores, gt_boxes)):
        b = np.asarray(b, dtype=np.float64).reshape(-1, 4) if np.size(b) == 0 else np.asarray(b, dtype=np.float64)
        g = np.asarray(g, dtype=np.float64).reshape(-1, 4) if np.size(g) == 0 else np.asarray(g, dtype=np.float64)
        s = np.asarray(s, dtype=np.float64).reshape(-1)
        if b.ndim != 2 or b.shape[1] != 4 or g.ndim != 2 or g.shape[1] != 4:
            raise ValueError(f"image {i}: boxes must be (K, 4) arrays, got {b.shape} and {g.shape}")
        if len(s) != len(b):
            raise ValueError(f"image {i}: {len(b)} predicted boxes but {len(s)} scores; pass one score per box")
        boxes.append(b)
        gts.append(g)
        scores.append(s)
        image_of.append(np.full(len(b), i))
    n_true = sum(len(g) for g in gts)
    if n_true == 0:
        raise ValueError("there are no true boxes at all, so recall (and AP or sensitivity) is undefined")
    all_scores = np.concatenate(scores) if scores else np.zeros(0)
    all_boxes = np.concatenate(boxes) if boxes else np.zeros((0, 4))
    image_of = np.concatenate(image_of) if image_of else np.zeros(0, dtype=int)
    order = np.lexsort((-all_scores, image_of))
    matched = [np.zeros(len(g), dtype=bool) for g in gts]
    is_tp = np.zeros(len(order), dtype=bool)
    for rank, d in enumerate(order):
        g = gts[image_of[d]]
        if len(g) == 0:
            continue
        ious = box_iou(all_boxes[d][None], g)[0]
        ious[matched[image_of[d]]] = -1.0
        best = int(np.argmax(ious))
        if ious[best] >= iou_threshold:
            is_tp[rank] = True
            matched[image_of[d]][best] = True
    return all_scores[order], is_tp, n_true, len(gts)


def average_precision(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """All-point interpolated average precision of detections over a list of images (a float)."""
    _, is_tp, n_true, _ = _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    if len(is_tp) == 0:
        return 0.0
    tp = np.cumsum(is_tp)
    fp = np.cumsum(~is_tp)
    recall = np.concatenate([[0.0], tp / n_true, [1.0]])
    precision = np.concatenate([[0.0], tp / (tp + fp), [0.0]])
    precision = np.maximum.accumulate(precision[::-1])[::-1]
    step = np.flatnonzero(recall[1:] != recall[:-1])
    return float(np.sum((recall[step + 1] - recall[step]) * precision[step + 1]))
''',
        'mean of per-image APs': '''def _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """Check the inputs, rank all detections by score and match them (VOC rule).

    Returns (scores (D,) in ranked order, is_tp (D,) bool, number of true boxes, number of images).
    """
    if not (len(pred_boxes) == len(pred_scores) == len(gt_boxes)):
        raise ValueError(f"got {len(pred_boxes)} pred_boxes, {len(pred_scores)} pred_scores and {len(gt_boxes)} "
                         "gt_boxes entries; pass one entry per image in each list")
    if not 0.0 < iou_threshold <= 1.0:
        raise ValueError(f"iou_threshold={iou_threshold} must lie in (0, 1]")
    boxes, gts, image_of, scores = [], [], [], []
    for i, (b, s, g) in enumerate(zip(pred_boxes, pred_scores, gt_boxes)):
        b = np.asarray(b, dtype=np.float64).reshape(-1, 4) if np.size(b) == 0 else np.asarray(b, dtype=np.float64)
        g = np.asarray(g, dtype=np.float64).reshape(-1, 4) if np.size(g) == 0 else np.asarray(g, dtype=np.float64)
        s = np.asarray(s, dtype=np.float64).reshape(-1)
        if b.ndim != 2 or b.shape[1] != 4 or g.ndim != 2 or g.shape[1] != 4:
            raise ValueError(f"image {i}: boxes must be (K, 4) arrays, got {b.shape} and {g.shape}")
        if len(s) != len(b):
            raise ValueError(f"image {i}: {len(b)} predicted boxes but {len(s)} scores; pass one score per box")
        boxes.append(b)
        gts.append(g)
        scores.append(s)
        image_of.append(np.full(len(b), i))
    n_true = sum(len(g) for g in gts)
    if n_true == 0:
        raise ValueError("there are no true boxes at all, so recall (and AP or sensitivity) is undefined")
    all_scores = np.concatenate(scores) if scores else np.zeros(0)
    all_boxes = np.concatenate(boxes) if boxes else np.zeros((0, 4))
    image_of = np.concatenate(image_of) if image_of else np.zeros(0, dtype=int)
    order = np.argsort(-all_scores, kind="stable")
    matched = [np.zeros(len(g), dtype=bool) for g in gts]
    is_tp = np.zeros(len(order), dtype=bool)
    for rank, d in enumerate(order):
        g = gts[image_of[d]]
        if len(g) == 0:
            continue
        ious = box_iou(all_boxes[d][None], g)[0]
        ious[matched[image_of[d]]] = -1.0
        best = int(np.argmax(ious))
        if ious[best] >= iou_threshold:
            is_tp[rank] = True
            matched[image_of[d]][best] = True
    return all_scores[order], is_tp, n_true, len(gts)


def average_precision(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """All-point interpolated average precision of detections over a list of images (a float)."""
    if len(pred_boxes) > 1 and len(pred_boxes) == len(pred_scores) == len(gt_boxes):
        per_image = [average_precision([b], [s], [g], iou_threshold) for b, s, g in zip(pred_boxes, pred_scores, gt_boxes) if len(g)]
        return float(np.mean(per_image)) if per_image else 0.0
    _, is_tp, n_true, _ = _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    if len(is_tp) == 0:
        return 0.0
    tp = np.cumsum(is_tp)
    fp = np.cumsum(~is_tp)
    recall = np.concatenate([[0.0], tp / n_true, [1.0]])
    precision = np.concatenate([[0.0], tp / (tp + fp), [0.0]])
    precision = np.maximum.accumulate(precision[::-1])[::-1]
    step = np.flatnonzero(recall[1:] != recall[:-1])
    return float(np.sum((recall[step + 1] - recall[step]) * precision[step + 1]))
''',
        'raises on no predictions': '''def _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """Check the inputs, rank all detections by score and match them (VOC rule).

    Returns (scores (D,) in ranked order, is_tp (D,) bool, number of true boxes, number of images).
    """
    if not (len(pred_boxes) == len(pred_scores) == len(gt_boxes)):
        raise ValueError(f"got {len(pred_boxes)} pred_boxes, {len(pred_scores)} pred_scores and {len(gt_boxes)} "
                         "gt_boxes entries; pass one entry per image in each list")
    if not 0.0 < iou_threshold <= 1.0:
        raise ValueError(f"iou_threshold={iou_threshold} must lie in (0, 1]")
    boxes, gts, image_of, scores = [], [], [], []
    for i, (b, s, g) in enumerate(zip(pred_boxes, pred_scores, gt_boxes)):
        b = np.asarray(b, dtype=np.float64).reshape(-1, 4) if np.size(b) == 0 else np.asarray(b, dtype=np.float64)
        g = np.asarray(g, dtype=np.float64).reshape(-1, 4) if np.size(g) == 0 else np.asarray(g, dtype=np.float64)
        s = np.asarray(s, dtype=np.float64).reshape(-1)
        if b.ndim != 2 or b.shape[1] != 4 or g.ndim != 2 or g.shape[1] != 4:
            raise ValueError(f"image {i}: boxes must be (K, 4) arrays, got {b.shape} and {g.shape}")
        if len(s) != len(b):
            raise ValueError(f"image {i}: {len(b)} predicted boxes but {len(s)} scores; pass one score per box")
        boxes.append(b)
        gts.append(g)
        scores.append(s)
        image_of.append(np.full(len(b), i))
    n_true = sum(len(g) for g in gts)
    if n_true == 0:
        raise ValueError("there are no true boxes at all, so recall (and AP or sensitivity) is undefined")
    all_scores = np.concatenate(scores) if scores else np.zeros(0)
    if len(all_scores) == 0:
        raise ValueError('no predictions')
    all_boxes = np.concatenate(boxes) if boxes else np.zeros((0, 4))
    image_of = np.concatenate(image_of) if image_of else np.zeros(0, dtype=int)
    order = np.argsort(-all_scores, kind="stable")
    matched = [np.zeros(len(g), dtype=bool) for g in gts]
    is_tp = np.zeros(len(order), dtype=bool)
    for rank, d in enumerate(order):
        g = gts[image_of[d]]
        if len(g) == 0:
            continue
        ious = box_iou(all_boxes[d][None], g)[0]
        ious[matched[image_of[d]]] = -1.0
        best = int(np.argmax(ious))
        if ious[best] >= iou_threshold:
            is_tp[rank] = True
            matched[image_of[d]][best] = True
    return all_scores[order], is_tp, n_true, len(gts)


def average_precision(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """All-point interpolated average precision of detections over a list of images (a float)."""
    _, is_tp, n_true, _ = _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    if len(is_tp) == 0:
        return 0.0
    tp = np.cumsum(is_tp)
    fp = np.cumsum(~is_tp)
    recall = np.concatenate([[0.0], tp / n_true, [1.0]])
    precision = np.concatenate([[0.0], tp / (tp + fp), [0.0]])
    precision = np.maximum.accumulate(precision[::-1])[::-1]
    step = np.flatnonzero(recall[1:] != recall[:-1])
    return float(np.sum((recall[step + 1] - recall[step]) * precision[step + 1]))
''',
        'match needs IoU > threshold (not >=)': '''def _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """Check the inputs, rank all detections by score and match them (VOC rule).

    Returns (scores (D,) in ranked order, is_tp (D,) bool, number of true boxes, number of images).
    """
    if not (len(pred_boxes) == len(pred_scores) == len(gt_boxes)):
        raise ValueError(f"got {len(pred_boxes)} pred_boxes, {len(pred_scores)} pred_scores and {len(gt_boxes)} "
                         "gt_boxes entries; pass one entry per image in each list")
    if not 0.0 < iou_threshold <= 1.0:
        raise ValueError(f"iou_threshold={iou_threshold} must lie in (0, 1]")
    boxes, gts, image_of, scores = [], [], [], []
    for i, (b, s, g) in enumerate(zip(pred_boxes, pred_scores, gt_boxes)):
        b = np.asarray(b, dtype=np.float64).reshape(-1, 4) if np.size(b) == 0 else np.asarray(b, dtype=np.float64)
        g = np.asarray(g, dtype=np.float64).reshape(-1, 4) if np.size(g) == 0 else np.asarray(g, dtype=np.float64)
        s = np.asarray(s, dtype=np.float64).reshape(-1)
        if b.ndim != 2 or b.shape[1] != 4 or g.ndim != 2 or g.shape[1] != 4:
            raise ValueError(f"image {i}: boxes must be (K, 4) arrays, got {b.shape} and {g.shape}")
        if len(s) != len(b):
            raise ValueError(f"image {i}: {len(b)} predicted boxes but {len(s)} scores; pass one score per box")
        boxes.append(b)
        gts.append(g)
        scores.append(s)
        image_of.append(np.full(len(b), i))
    n_true = sum(len(g) for g in gts)
    if n_true == 0:
        raise ValueError("there are no true boxes at all, so recall (and AP or sensitivity) is undefined")
    all_scores = np.concatenate(scores) if scores else np.zeros(0)
    all_boxes = np.concatenate(boxes) if boxes else np.zeros((0, 4))
    image_of = np.concatenate(image_of) if image_of else np.zeros(0, dtype=int)
    order = np.argsort(-all_scores, kind="stable")
    matched = [np.zeros(len(g), dtype=bool) for g in gts]
    is_tp = np.zeros(len(order), dtype=bool)
    for rank, d in enumerate(order):
        g = gts[image_of[d]]
        if len(g) == 0:
            continue
        ious = box_iou(all_boxes[d][None], g)[0]
        ious[matched[image_of[d]]] = -1.0
        best = int(np.argmax(ious))
        if ious[best] > iou_threshold:
            is_tp[rank] = True
            matched[image_of[d]][best] = True
    return all_scores[order], is_tp, n_true, len(gts)


def average_precision(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """All-point interpolated average precision of detections over a list of images (a float)."""
    _, is_tp, n_true, _ = _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    if len(is_tp) == 0:
        return 0.0
    tp = np.cumsum(is_tp)
    fp = np.cumsum(~is_tp)
    recall = np.concatenate([[0.0], tp / n_true, [1.0]])
    precision = np.concatenate([[0.0], tp / (tp + fp), [0.0]])
    precision = np.maximum.accumulate(precision[::-1])[::-1]
    step = np.flatnonzero(recall[1:] != recall[:-1])
    return float(np.sum((recall[step + 1] - recall[step]) * precision[step + 1]))
''',
        'matched to any true box of any image': '''def _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """Check the inputs, rank all detections by score and match them (VOC rule).

    Returns (scores (D,) in ranked order, is_tp (D,) bool, number of true boxes, number of images).
    """
    if not (len(pred_boxes) == len(pred_scores) == len(gt_boxes)):
        raise ValueError(f"got {len(pred_boxes)} pred_boxes, {len(pred_scores)} pred_scores and {len(gt_boxes)} "
                         "gt_boxes entries; pass one entry per image in each list")
    if not 0.0 < iou_threshold <= 1.0:
        raise ValueError(f"iou_threshold={iou_threshold} must lie in (0, 1]")
    boxes, gts, image_of, scores = [], [], [], []
    for i, (b, s, g) in enumerate(zip(pred_boxes, pred_scores, gt_boxes)):
        b = np.asarray(b, dtype=np.float64).reshape(-1, 4) if np.size(b) == 0 else np.asarray(b, dtype=np.float64)
        g = np.asarray(g, dtype=np.float64).reshape(-1, 4) if np.size(g) == 0 else np.asarray(g, dtype=np.float64)
        s = np.asarray(s, dtype=np.float64).reshape(-1)
        if b.ndim != 2 or b.shape[1] != 4 or g.ndim != 2 or g.shape[1] != 4:
            raise ValueError(f"image {i}: boxes must be (K, 4) arrays, got {b.shape} and {g.shape}")
        if len(s) != len(b):
            raise ValueError(f"image {i}: {len(b)} predicted boxes but {len(s)} scores; pass one score per box")
        boxes.append(b)
        gts.append(g)
        scores.append(s)
        image_of.append(np.full(len(b), i))
    n_true = sum(len(g) for g in gts)
    if n_true == 0:
        raise ValueError("there are no true boxes at all, so recall (and AP or sensitivity) is undefined")
    all_scores = np.concatenate(scores) if scores else np.zeros(0)
    all_boxes = np.concatenate(boxes) if boxes else np.zeros((0, 4))
    image_of = np.concatenate(image_of) if image_of else np.zeros(0, dtype=int)
    order = np.argsort(-all_scores, kind="stable")
    matched = [np.zeros(len(g), dtype=bool) for g in gts]
    is_tp = np.zeros(len(order), dtype=bool)
    for rank, d in enumerate(order):
        g = gts[image_of[d]] if False else np.concatenate(gts)
        if len(g) == 0:
            continue
        ious = box_iou(all_boxes[d][None], g)[0]
        ious[np.concatenate(matched)] = -1.0
        best = int(np.argmax(ious))
        if ious[best] >= iou_threshold:
            is_tp[rank] = True
            offsets = np.cumsum([0] + [len(x) for x in gts])
            img = int(np.searchsorted(offsets, best, side='right') - 1)
            matched[img][best - offsets[img]] = True
    return all_scores[order], is_tp, n_true, len(gts)


def average_precision(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """All-point interpolated average precision of detections over a list of images (a float)."""
    _, is_tp, n_true, _ = _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    if len(is_tp) == 0:
        return 0.0
    tp = np.cumsum(is_tp)
    fp = np.cumsum(~is_tp)
    recall = np.concatenate([[0.0], tp / n_true, [1.0]])
    precision = np.concatenate([[0.0], tp / (tp + fp), [0.0]])
    precision = np.maximum.accumulate(precision[::-1])[::-1]
    step = np.flatnonzero(recall[1:] != recall[:-1])
    return float(np.sum((recall[step + 1] - recall[step]) * precision[step + 1]))
''',
        'precision divided by the number of true boxes': '''def _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """Check the inputs, rank all detections by score and match them (VOC rule).

    Returns (scores (D,) in ranked order, is_tp (D,) bool, number of true boxes, number of images).
    """
    if not (len(pred_boxes) == len(pred_scores) == len(gt_boxes)):
        raise ValueError(f"got {len(pred_boxes)} pred_boxes, {len(pred_scores)} pred_scores and {len(gt_boxes)} "
                         "gt_boxes entries; pass one entry per image in each list")
    if not 0.0 < iou_threshold <= 1.0:
        raise ValueError(f"iou_threshold={iou_threshold} must lie in (0, 1]")
    boxes, gts, image_of, scores = [], [], [], []
    for i, (b, s, g) in enumerate(zip(pred_boxes, pred_scores, gt_boxes)):
        b = np.asarray(b, dtype=np.float64).reshape(-1, 4) if np.size(b) == 0 else np.asarray(b, dtype=np.float64)
        g = np.asarray(g, dtype=np.float64).reshape(-1, 4) if np.size(g) == 0 else np.asarray(g, dtype=np.float64)
        s = np.asarray(s, dtype=np.float64).reshape(-1)
        if b.ndim != 2 or b.shape[1] != 4 or g.ndim != 2 or g.shape[1] != 4:
            raise ValueError(f"image {i}: boxes must be (K, 4) arrays, got {b.shape} and {g.shape}")
        if len(s) != len(b):
            raise ValueError(f"image {i}: {len(b)} predicted boxes but {len(s)} scores; pass one score per box")
        boxes.append(b)
        gts.append(g)
        scores.append(s)
        image_of.append(np.full(len(b), i))
    n_true = sum(len(g) for g in gts)
    if n_true == 0:
        raise ValueError("there are no true boxes at all, so recall (and AP or sensitivity) is undefined")
    all_scores = np.concatenate(scores) if scores else np.zeros(0)
    all_boxes = np.concatenate(boxes) if boxes else np.zeros((0, 4))
    image_of = np.concatenate(image_of) if image_of else np.zeros(0, dtype=int)
    order = np.argsort(-all_scores, kind="stable")
    matched = [np.zeros(len(g), dtype=bool) for g in gts]
    is_tp = np.zeros(len(order), dtype=bool)
    for rank, d in enumerate(order):
        g = gts[image_of[d]]
        if len(g) == 0:
            continue
        ious = box_iou(all_boxes[d][None], g)[0]
        ious[matched[image_of[d]]] = -1.0
        best = int(np.argmax(ious))
        if ious[best] >= iou_threshold:
            is_tp[rank] = True
            matched[image_of[d]][best] = True
    return all_scores[order], is_tp, n_true, len(gts)


def average_precision(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """All-point interpolated average precision of detections over a list of images (a float)."""
    _, is_tp, n_true, _ = _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    if len(is_tp) == 0:
        return 0.0
    tp = np.cumsum(is_tp)
    fp = np.cumsum(~is_tp)
    recall = np.concatenate([[0.0], tp / n_true, [1.0]])
    precision = np.concatenate([[0.0], tp / max(n_true, 1), [0.0]])
    precision = np.maximum.accumulate(precision[::-1])[::-1]
    step = np.flatnonzero(recall[1:] != recall[:-1])
    return float(np.sum((recall[step + 1] - recall[step]) * precision[step + 1]))
''',
        'no input checks': '''def _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """Check the inputs, rank all detections by score and match them (VOC rule).

    Returns (scores (D,) in ranked order, is_tp (D,) bool, number of true boxes, number of images).
    """
    if False:
        raise ValueError(f"got {len(pred_boxes)} pred_boxes, {len(pred_scores)} pred_scores and {len(gt_boxes)} "
                         "gt_boxes entries; pass one entry per image in each list")
    if False:
        raise ValueError(f"iou_threshold={iou_threshold} must lie in (0, 1]")
    boxes, gts, image_of, scores = [], [], [], []
    for i, (b, s, g) in enumerate(zip(pred_boxes, pred_scores, gt_boxes)):
        b = np.asarray(b, dtype=np.float64).reshape(-1, 4) if np.size(b) == 0 else np.asarray(b, dtype=np.float64)
        g = np.asarray(g, dtype=np.float64).reshape(-1, 4) if np.size(g) == 0 else np.asarray(g, dtype=np.float64)
        s = np.asarray(s, dtype=np.float64).reshape(-1)
        if b.ndim != 2 or b.shape[1] != 4 or g.ndim != 2 or g.shape[1] != 4:
            raise ValueError(f"image {i}: boxes must be (K, 4) arrays, got {b.shape} and {g.shape}")
        if False:
            raise ValueError(f"image {i}: {len(b)} predicted boxes but {len(s)} scores; pass one score per box")
        boxes.append(b)
        gts.append(g)
        scores.append(s)
        image_of.append(np.full(len(b), i))
    n_true = sum(len(g) for g in gts)
    n_true = max(n_true, 1)
    all_scores = np.concatenate(scores) if scores else np.zeros(0)
    all_boxes = np.concatenate(boxes) if boxes else np.zeros((0, 4))
    image_of = np.concatenate(image_of) if image_of else np.zeros(0, dtype=int)
    order = np.argsort(-all_scores, kind="stable")
    matched = [np.zeros(len(g), dtype=bool) for g in gts]
    is_tp = np.zeros(len(order), dtype=bool)
    for rank, d in enumerate(order):
        g = gts[image_of[d]]
        if len(g) == 0:
            continue
        ious = box_iou(all_boxes[d][None], g)[0]
        ious[matched[image_of[d]]] = -1.0
        best = int(np.argmax(ious))
        if ious[best] >= iou_threshold:
            is_tp[rank] = True
            matched[image_of[d]][best] = True
    return all_scores[order], is_tp, n_true, len(gts)


def average_precision(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """All-point interpolated average precision of detections over a list of images (a float)."""
    _, is_tp, n_true, _ = _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    if len(is_tp) == 0:
        return 0.0
    tp = np.cumsum(is_tp)
    fp = np.cumsum(~is_tp)
    recall = np.concatenate([[0.0], tp / n_true, [1.0]])
    precision = np.concatenate([[0.0], tp / (tp + fp), [0.0]])
    precision = np.maximum.accumulate(precision[::-1])[::-1]
    step = np.flatnonzero(recall[1:] != recall[:-1])
    return float(np.sum((recall[step + 1] - recall[step]) * precision[step + 1]))
''',
    },
    'froc': {
        'false positives divided by the number of detections': '''def froc(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """FROC curve: (false positives per image, sensitivity) over decreasing score thresholds, from (0, 0)."""
    scores, is_tp, n_true, n_images = _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    last_of_score = np.r_[scores[1:] != scores[:-1], True] if len(scores) else np.zeros(0, dtype=bool)
    tp = np.cumsum(is_tp)[last_of_score]
    fp = np.cumsum(~is_tp)[last_of_score]
    fps_per_image = np.concatenate([[0.0], fp / np.maximum(tp + fp, 1)])
    sensitivity = np.concatenate([[0.0], tp / n_true])
    return fps_per_image, sensitivity
''',
        'false positives divided by the films with nodules only': '''def froc(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """FROC curve: (false positives per image, sensitivity) over decreasing score thresholds, from (0, 0)."""
    scores, is_tp, n_true, n_images = _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    n_images = max(1, sum(1 for g in gt_boxes if len(g)))
    last_of_score = np.r_[scores[1:] != scores[:-1], True] if len(scores) else np.zeros(0, dtype=bool)
    tp = np.cumsum(is_tp)[last_of_score]
    fp = np.cumsum(~is_tp)[last_of_score]
    fps_per_image = np.concatenate([[0.0], fp / n_images])
    sensitivity = np.concatenate([[0.0], tp / n_true])
    return fps_per_image, sensitivity
''',
        'raises on no predictions': '''def froc(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """FROC curve: (false positives per image, sensitivity) over decreasing score thresholds, from (0, 0)."""
    scores, is_tp, n_true, n_images = _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    if len(scores) == 0:
        raise ValueError('no predictions')
    last_of_score = np.r_[scores[1:] != scores[:-1], True] if len(scores) else np.zeros(0, dtype=bool)
    tp = np.cumsum(is_tp)[last_of_score]
    fp = np.cumsum(~is_tp)[last_of_score]
    fps_per_image = np.concatenate([[0.0], fp / n_images])
    sensitivity = np.concatenate([[0.0], tp / n_true])
    return fps_per_image, sensitivity
''',
        'no (0, 0) starting point': '''def froc(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """FROC curve: (false positives per image, sensitivity) over decreasing score thresholds, from (0, 0)."""
    scores, is_tp, n_true, n_images = _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    last_of_score = np.r_[scores[1:] != scores[:-1], True] if len(scores) else np.zeros(0, dtype=bool)
    tp = np.cumsum(is_tp)[last_of_score]
    fp = np.cumsum(~is_tp)[last_of_score]
    fps_per_image = fp / n_images if len(fp) else np.zeros(1)
    sensitivity = tp / n_true if len(tp) else np.zeros(1)
    return fps_per_image, sensitivity
''',
        'one point per detection (ties not merged)': '''def froc(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """FROC curve: (false positives per image, sensitivity) over decreasing score thresholds, from (0, 0)."""
    scores, is_tp, n_true, n_images = _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    last_of_score = np.ones(len(scores), dtype=bool)
    tp = np.cumsum(is_tp)[last_of_score]
    fp = np.cumsum(~is_tp)[last_of_score]
    fps_per_image = np.concatenate([[0.0], fp / n_images])
    sensitivity = np.concatenate([[0.0], tp / n_true])
    return fps_per_image, sensitivity
''',
        'sensitivity averaged per image instead of per lesion': '''def _ranked_with_images(pred_boxes, pred_scores, gt_boxes, iou_threshold):
    _ranked_matches(pred_boxes, pred_scores, gt_boxes, iou_threshold)          # the input checks
    dets = [(float(s), i, np.asarray(b, float)) for i in range(len(pred_boxes))
            for b, s in zip(np.asarray(pred_boxes[i], float).reshape(-1, 4), np.asarray(pred_scores[i]).reshape(-1))]
    dets.sort(key=lambda d: -d[0])
    gts = [np.asarray(g, float).reshape(-1, 4) for g in gt_boxes]
    used = [np.zeros(len(g), bool) for g in gts]
    flags, images = [], []
    for s, i, b in dets:
        ok = False
        if len(gts[i]):
            v = box_iou(b[None], gts[i])[0]
            v[used[i]] = -1
            k = int(np.argmax(v))
            if v[k] >= iou_threshold:
                used[i][k] = True
                ok = True
        flags.append(ok)
        images.append(i)
    return np.array([d[0] for d in dets]), np.array(flags, bool), np.array(images, int), gts


def froc(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """FROC curve: (false positives per image, sensitivity) over decreasing score thresholds, from (0, 0)."""
    scores, is_tp, images, gts = _ranked_with_images(pred_boxes, pred_scores, gt_boxes, iou_threshold)
    with_lesions = [i for i, g in enumerate(gts) if len(g)]
    last_of_score = np.r_[scores[1:] != scores[:-1], True] if len(scores) else np.zeros(0, dtype=bool)
    fp = np.cumsum(~is_tp)[last_of_score]
    per_image = np.stack([np.cumsum(is_tp & (images == i))[last_of_score] / len(gts[i]) for i in with_lesions])
    fps_per_image = np.concatenate([[0.0], fp / len(gts)])
    sensitivity = np.concatenate([[0.0], per_image.mean(axis=0)])
    return fps_per_image, sensitivity
''',
        'no input checks (no true boxes gives NaN)': '''def froc(pred_boxes, pred_scores, gt_boxes, iou_threshold=0.5):
    """FROC curve: (false positives per image, sensitivity) over decreasing score thresholds, from (0, 0)."""
    n = min(len(pred_boxes), len(pred_scores), len(gt_boxes))
    pred_boxes, pred_scores, gt_boxes = pred_boxes[:n], [np.asarray(s)[:len(np.asarray(b).reshape(-1, 4))] for s, b in zip(pred_scores[:n], pred_boxes)], gt_boxes[:n]
    if sum(len(g) for g in gt_boxes) == 0:
        return np.zeros(1), np.full(1, np.nan)
    scores, is_tp, n_true, n_images = _ranked_matches(pred_boxes, pred_scores, gt_boxes, min(max(iou_threshold, 1e-9), 1.0))
    last_of_score = np.r_[scores[1:] != scores[:-1], True] if len(scores) else np.zeros(0, dtype=bool)
    tp = np.cumsum(is_tp)[last_of_score]
    fp = np.cumsum(~is_tp)[last_of_score]
    fps_per_image = np.concatenate([[0.0], fp / n_images])
    sensitivity = np.concatenate([[0.0], tp / n_true])
    return fps_per_image, sensitivity
''',
    },
}
