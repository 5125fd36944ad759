"""Plausible wrong answers for notebook 09 (semantic segmentation); each must fail its exercise's tests."""

_CHECK = '''
    t = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if t.shape != p.shape or t.size == 0 or np.any(t < 0) or np.any(t > 1) or np.any(p < 0) or np.any(p > 1):
        raise ValueError("bad masks")
'''

_LOSS_CHECK = '''
    y_pred = keras.ops.convert_to_tensor(y_pred)
    y_true = keras.ops.cast(y_true, y_pred.dtype)
    if len(y_true.shape) != len(y_pred.shape) or len(y_pred.shape) < 2 or any(
            a is not None and b is not None and a != b for a, b in zip(y_true.shape, y_pred.shape)):
        raise ValueError("bad shapes")
    axes = tuple(range(1, len(y_pred.shape)))
'''

_BLOCK = '''
def conv_block(x, filters):
    if isinstance(filters, bool) or not isinstance(filters, (int, np.integer)) or filters < 1:
        raise ValueError("filters must be a positive integer")
    for _ in range(2):
        x = keras.layers.Conv2D(int(filters), 3, padding="same", use_bias=False)(x)
        x = keras.layers.BatchNormalization(momentum=0.9)(x)
        x = keras.layers.ReLU()(x)
    return x
'''

_MODEL_CHECK = '''
    input_shape = tuple(input_shape)
    if len(input_shape) != 3 or depth < 1 or num_classes < 1:
        raise ValueError("bad arguments")
    if input_shape[0] % 2 ** depth or input_shape[1] % 2 ** depth:
        raise ValueError("H and W must be divisible by 2**depth")
'''


def _unet(check=_MODEL_CHECK, pools="depth", level="base_filters * 2 ** d", bottom="base_filters * 2 ** depth",
          merge="keras.layers.Concatenate()([x, skips[d]])", head=None, bottleneck=True):
    head = head or 'keras.layers.Conv2D(num_classes, 1, activation="sigmoid" if num_classes == 1 else "softmax")(x)'
    middle = f"    x = conv_block(x, {bottom})\n" if bottleneck else ""
    return f'''
def build_unet(input_shape, num_classes=1, depth=3, base_filters=16):
{check}
    inputs = keras.Input(input_shape)
    x, skips = inputs, []
    for d in range({pools}):
        x = conv_block(x, {level})
        skips.append(x)
        x = keras.layers.MaxPooling2D(2)(x)
{middle}    for d in reversed(range({pools})):
        x = keras.layers.Conv2DTranspose({level}, 2, strides=2)(x)
        x = {merge}
        x = conv_block(x, {level})
    outputs = {head}
    return keras.Model(inputs, outputs)
'''


def _fcn(check=_MODEL_CHECK, pools="depth", extra="", up="keras.layers.UpSampling2D(size=2 ** depth, interpolation='bilinear')(scores)",
         act='"sigmoid" if num_classes == 1 else "softmax"'):
    return f'''
def build_fcn(input_shape, num_classes=1, depth=3, base_filters=16):
{check}
    inputs = keras.Input(input_shape)
    x, skips = inputs, []
    for d in range({pools}):
        x = conv_block(x, base_filters * 2 ** d)
        skips.append(x)
        x = keras.layers.MaxPooling2D(2)(x)
    x = conv_block(x, base_filters * 2 ** depth)
    scores = keras.layers.Conv2D(num_classes, 1)(x)
    scores = {up}
{extra}    outputs = keras.layers.Activation({act})(scores)
    return keras.Model(inputs, outputs)
'''


WRONG_ANSWERS = {
    "dice_coefficient": {
        "no eps (NaN on two empty masks)": f'''
def dice_coefficient(y_true, y_pred, eps=1e-7):
{_CHECK}
    return float(2 * np.sum(t * p) / (np.sum(t) + np.sum(p)))
''',
        "eps only in the denominator (two empty masks score 0)": f'''
def dice_coefficient(y_true, y_pred, eps=1e-7):
{_CHECK}
    return float(2 * np.sum(t * p) / (np.sum(t) + np.sum(p) + eps))
''',
        "squared denominator (V-Net style)": f'''
def dice_coefficient(y_true, y_pred, eps=1e-7):
{_CHECK}
    return float((2 * np.sum(t * p) + eps) / (np.sum(t ** 2) + np.sum(p ** 2) + eps))
''',
        "thresholds the prediction at 0.5": f'''
def dice_coefficient(y_true, y_pred, eps=1e-7):
{_CHECK}
    p = (p > 0.5).astype(float)
    return float((2 * np.sum(t * p) + eps) / (np.sum(t) + np.sum(p) + eps))
''',
        "no factor 2": f'''
def dice_coefficient(y_true, y_pred, eps=1e-7):
{_CHECK}
    return float((np.sum(t * p) + eps) / (np.sum(t) + np.sum(p) + eps))
''',
        "mean of per-image scores instead of all elements": f'''
def dice_coefficient(y_true, y_pred, eps=1e-7):
{_CHECK}
    if t.ndim < 2:
        return float((2 * np.sum(t * p) + eps) / (np.sum(t) + np.sum(p) + eps))
    axes = tuple(range(1, t.ndim))
    return float(np.mean((2 * np.sum(t * p, axis=axes) + eps) / (np.sum(t, axis=axes) + np.sum(p, axis=axes) + eps)))
''',
        "computes IoU": f'''
def dice_coefficient(y_true, y_pred, eps=1e-7):
{_CHECK}
    i = np.sum(t * p)
    return float((i + eps) / (np.sum(t) + np.sum(p) - i + eps))
''',
        "uint8 arithmetic without conversion (and no validation)": '''
def dice_coefficient(y_true, y_pred, eps=1e-7):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    return float((2 * np.sum(t * p) + eps) / (np.sum(t) + np.sum(p) + eps))
''',
        "no ValueError for 0/255 masks": '''
def dice_coefficient(y_true, y_pred, eps=1e-7):
    t = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if t.shape != p.shape or t.size == 0:
        raise ValueError("bad masks")
    return float((2 * np.sum(t * p) + eps) / (np.sum(t) + np.sum(p) + eps))
''',
        "no ValueError for different shapes (broadcasts)": '''
def dice_coefficient(y_true, y_pred, eps=1e-7):
    t = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    if np.any(t < 0) or np.any(t > 1) or np.any(p < 0) or np.any(p > 1):
        raise ValueError("values outside [0, 1]")
    return float((2 * np.sum(t * p) + eps) / (np.sum(t) + np.sum(p) + eps))
''',
    },
    "iou_score": {
        "IoU computed as Dice": f'''
def iou_score(y_true, y_pred, eps=1e-7):
{_CHECK}
    return float((2 * np.sum(t * p) + eps) / (np.sum(t) + np.sum(p) + eps))
''',
        "union without subtracting the intersection": f'''
def iou_score(y_true, y_pred, eps=1e-7):
{_CHECK}
    return float((np.sum(t * p) + eps) / (np.sum(t) + np.sum(p) + eps))
''',
        "no eps (NaN on two empty masks)": f'''
def iou_score(y_true, y_pred, eps=1e-7):
{_CHECK}
    i = np.sum(t * p)
    return float(i / (np.sum(t) + np.sum(p) - i))
''',
        "intersection over the true area (sensitivity)": f'''
def iou_score(y_true, y_pred, eps=1e-7):
{_CHECK}
    return float((np.sum(t * p) + eps) / (np.sum(t) + eps))
''',
        "thresholds the prediction at 0.5": f'''
def iou_score(y_true, y_pred, eps=1e-7):
{_CHECK}
    p = (p > 0.5).astype(float)
    i = np.sum(t * p)
    return float((i + eps) / (np.sum(t) + np.sum(p) - i + eps))
''',
        "mean of per-image scores": f'''
def iou_score(y_true, y_pred, eps=1e-7):
{_CHECK}
    if t.ndim < 2:
        i = np.sum(t * p)
        return float((i + eps) / (np.sum(t) + np.sum(p) - i + eps))
    axes = tuple(range(1, t.ndim))
    i = np.sum(t * p, axis=axes)
    return float(np.mean((i + eps) / (np.sum(t, axis=axes) + np.sum(p, axis=axes) - i + eps)))
''',
        "no ValueError at all": '''
def iou_score(y_true, y_pred, eps=1e-7):
    t = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    i = np.sum(t * p)
    return float((i + eps) / (np.sum(t) + np.sum(p) - i + eps))
''',
    },
    "soft_dice_loss": {
        "reduced over the batch (one scalar, shape ())": f'''
def soft_dice_loss(y_true, y_pred, eps=1e-7):
{_LOSS_CHECK}
    i = keras.ops.sum(y_true * y_pred)
    return 1.0 - (2.0 * i + eps) / (keras.ops.sum(y_true) + keras.ops.sum(y_pred) + eps)
''',
        "squared denominators": f'''
def soft_dice_loss(y_true, y_pred, eps=1e-7):
{_LOSS_CHECK}
    i = keras.ops.sum(y_true * y_pred, axis=axes)
    return 1.0 - (2.0 * i + eps) / (keras.ops.sum(y_true ** 2, axis=axes) + keras.ops.sum(y_pred ** 2, axis=axes) + eps)
''',
        "returns the Dice, not 1 - Dice": f'''
def soft_dice_loss(y_true, y_pred, eps=1e-7):
{_LOSS_CHECK}
    i = keras.ops.sum(y_true * y_pred, axis=axes)
    return (2.0 * i + eps) / (keras.ops.sum(y_true, axis=axes) + keras.ops.sum(y_pred, axis=axes) + eps)
''',
        "no eps (NaN on an empty image)": f'''
def soft_dice_loss(y_true, y_pred, eps=1e-7):
{_LOSS_CHECK}
    i = keras.ops.sum(y_true * y_pred, axis=axes)
    return 1.0 - 2.0 * i / (keras.ops.sum(y_true, axis=axes) + keras.ops.sum(y_pred, axis=axes))
''',
        "hard Dice (thresholded: no gradient)": f'''
def soft_dice_loss(y_true, y_pred, eps=1e-7):
{_LOSS_CHECK}
    y_pred = keras.ops.cast(y_pred > 0.5, y_true.dtype)
    i = keras.ops.sum(y_true * y_pred, axis=axes)
    return 1.0 - (2.0 * i + eps) / (keras.ops.sum(y_true, axis=axes) + keras.ops.sum(y_pred, axis=axes) + eps)
''',
        "numpy instead of keras.ops (no gradient, fails in a graph)": '''
def soft_dice_loss(y_true, y_pred, eps=1e-7):
    t = np.asarray(y_true, dtype=np.float32)
    p = np.asarray(y_pred, dtype=np.float32)
    if t.shape != p.shape or t.ndim < 2:
        raise ValueError("bad shapes")
    axes = tuple(range(1, p.ndim))
    return 1.0 - (2.0 * np.sum(t * p, axis=axes) + eps) / (np.sum(t, axis=axes) + np.sum(p, axis=axes) + eps)
''',
        "sums over H and W only (one value per channel)": f'''
def soft_dice_loss(y_true, y_pred, eps=1e-7):
{_LOSS_CHECK}
    axes = (1, 2) if len(y_pred.shape) == 4 else axes
    i = keras.ops.sum(y_true * y_pred, axis=axes)
    return 1.0 - (2.0 * i + eps) / (keras.ops.sum(y_true, axis=axes) + keras.ops.sum(y_pred, axis=axes) + eps)
''',
        "y_true not cast (fails on uint8 masks)": '''
def soft_dice_loss(y_true, y_pred, eps=1e-7):
    y_pred = keras.ops.convert_to_tensor(y_pred)
    y_true = keras.ops.convert_to_tensor(y_true)
    if len(y_true.shape) != len(y_pred.shape) or len(y_pred.shape) < 2:
        raise ValueError("bad shapes")
    axes = tuple(range(1, len(y_pred.shape)))
    i = keras.ops.sum(y_true * y_pred, axis=axes)
    return 1.0 - (2.0 * i + eps) / (keras.ops.sum(y_true, axis=axes) + keras.ops.sum(y_pred, axis=axes) + eps)
''',
        "mean over pixels instead of sums, eps kept (empty image)": f'''
def soft_dice_loss(y_true, y_pred, eps=1e-7):
{_LOSS_CHECK}
    i = keras.ops.mean(y_true * y_pred, axis=axes)
    return 1.0 - 2.0 * i / (keras.ops.mean(y_true, axis=axes) + keras.ops.mean(y_pred, axis=axes) + eps)
''',
        "no ValueError for different shapes": '''
def soft_dice_loss(y_true, y_pred, eps=1e-7):
    y_pred = keras.ops.convert_to_tensor(y_pred)
    y_true = keras.ops.cast(y_true, y_pred.dtype)
    axes = tuple(range(1, len(y_pred.shape)))
    i = keras.ops.sum(y_true * y_pred, axis=axes)
    return 1.0 - (2.0 * i + eps) / (keras.ops.sum(y_true, axis=axes) + keras.ops.sum(y_pred, axis=axes) + eps)
''',
    },
    "conv_block": {
        "valid padding": _BLOCK.replace('padding="same"', 'padding="valid"'),
        "one convolution only": _BLOCK.replace("range(2)", "range(1)"),
        "no ReLU": _BLOCK.replace("        x = keras.layers.ReLU()(x)\n", ""),
        "ReLU before BatchNormalization (output not non-negative)": _BLOCK.replace(
            "        x = keras.layers.BatchNormalization(momentum=0.9)(x)\n        x = keras.layers.ReLU()(x)\n",
            "        x = keras.layers.ReLU()(x)\n        x = keras.layers.BatchNormalization(momentum=0.9)(x)\n"),
        "BatchNormalization with the default momentum 0.99": _BLOCK.replace("momentum=0.9", "momentum=0.99"),
        "5x5 kernels": _BLOCK.replace("int(filters), 3,", "int(filters), 5,"),
        "twice the filters in the second convolution": '''
def conv_block(x, filters):
    if isinstance(filters, bool) or not isinstance(filters, (int, np.integer)) or filters < 1:
        raise ValueError("filters must be a positive integer")
    for k in range(2):
        x = keras.layers.Conv2D(int(filters) * (k + 1), 3, padding="same", use_bias=False)(x)
        x = keras.layers.BatchNormalization(momentum=0.9)(x)
        x = keras.layers.ReLU()(x)
    return x
''',
        "no ValueError for filters = 0": _BLOCK.replace(
            '    if isinstance(filters, bool) or not isinstance(filters, (int, np.integer)) or filters < 1:\n'
            '        raise ValueError("filters must be a positive integer")\n', ""),
    },
    "build_unet": {
        "skips added instead of concatenated": _unet(merge="keras.layers.Add()([x, skips[d]])"),
        "depth ignored (always 3 poolings)": _unet(pools="3", bottom="base_filters * 8"),
        "the same filters at every level": _unet(level="base_filters", bottom="base_filters"),
        "filters off by one level (base_filters * 2**(d + 1))": _unet(level="base_filters * 2 ** (d + 1)",
                                                                      bottom="base_filters * 2 ** (depth + 1)"),
        "no bottleneck block": _unet(bottleneck=False),
        "softmax for one class": _unet(head='keras.layers.Conv2D(num_classes, 1, activation="softmax")(x)'),
        "sigmoid for several classes": _unet(head='keras.layers.Conv2D(num_classes, 1, activation="sigmoid")(x)'),
        "no output activation": _unet(head="keras.layers.Conv2D(num_classes, 1)(x)"),
        "ReLU output": _unet(head='keras.layers.Conv2D(num_classes, 1, activation="relu")(x)'),
        "skip connections dropped": _unet(merge="x"),
        "no ValueError when H or W is not divisible by 2**depth": _unet(check='''
    input_shape = tuple(input_shape)
    if len(input_shape) != 3 or depth < 1 or num_classes < 1:
        raise ValueError("bad arguments")
'''),
    },
    "build_fcn": {
        "secretly keeps skips (concatenates the first level)": _fcn(extra=(
            "    scores = keras.layers.Concatenate()([scores, skips[0]])\n"
            "    scores = keras.layers.Conv2D(num_classes, 1)(scores)\n")),
        "secretly keeps skips (adds a projection of the first level)": _fcn(extra=(
            "    scores = keras.layers.Add()([scores, keras.layers.Conv2D(num_classes, 1)(skips[0])])\n")),
        "depth ignored (always 3 poolings)": _fcn(pools="3").replace("base_filters * 2 ** depth)(x)",
                                                                  "base_filters * 8)(x)").replace("size=2 ** depth", "size=8"),
        "no upsampling (output at 1/2**depth of the input)": _fcn(up="scores"),
        "upsampled by 2 only": _fcn(up="keras.layers.UpSampling2D(size=2)(scores)"),
        "softmax for one class": _fcn(act='"softmax"'),
        "no output activation": _fcn(act='"linear"'),
        "no ValueError when H or W is not divisible by 2**depth": _fcn(check='''
    input_shape = tuple(input_shape)
    if len(input_shape) != 3 or depth < 1 or num_classes < 1:
        raise ValueError("bad arguments")
'''),
    },
}
