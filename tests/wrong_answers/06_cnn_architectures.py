"""Plausible wrong answers for notebook 06; each must fail at least one test cell of its exercise."""

_LENET_CHECKS = '''    input_shape = tuple(input_shape)
    if len(input_shape) != 3 or min(input_shape[:2]) < 32 or num_classes < 2:
        raise ValueError("bad arguments")
'''


def _lenet(c1="layers.Conv2D(6, 5, activation='tanh')", pool="layers.AveragePooling2D(2)",
           c3="layers.Conv2D(16, 5, activation='tanh')", middle="x = layers.Flatten()(x)\n    x = layers.Dense(120, activation='tanh')(x)",
           f6="layers.Dense(84, activation='tanh')", out="layers.Dense(num_classes, activation='softmax')", checks=_LENET_CHECKS):
    return f'''def build_lenet5(input_shape=(32, 32, 1), num_classes=10):
{checks}    inputs = keras.Input(input_shape)
    x = {c1}(inputs)
    x = {pool}(x)
    x = {c3}(x)
    x = {pool}(x)
    {middle}
    x = {f6}(x)
    return keras.Model(inputs, {out}(x))
'''


_ALEX_CHECKS = '''    input_shape = tuple(input_shape)
    if len(input_shape) != 3 or min(input_shape[:2]) < 67 or num_classes < 2:
        raise ValueError("bad arguments")
'''


def _alexnet(conv1="layers.Conv2D(96, 11, strides=4, activation='relu')", pool="layers.MaxPooling2D(3, strides=2)",
             conv2="layers.Conv2D(256, 5, padding='same', activation='relu')", act="relu",
             dense="x = layers.Dense(4096, activation='relu')(x)\n    x = layers.Dense(4096, activation='relu')(x)",
             checks=_ALEX_CHECKS):
    return f'''def build_alexnet(input_shape=(227, 227, 3), num_classes=1000):
{checks}    inputs = keras.Input(input_shape)
    x = {pool}({conv1}(inputs))
    x = {pool}({conv2}(x))
    x = layers.Conv2D(384, 3, padding="same", activation="{act}")(x)
    x = layers.Conv2D(384, 3, padding="same", activation="{act}")(x)
    x = {pool}(layers.Conv2D(256, 3, padding="same", activation="{act}")(x))
    x = layers.Flatten()(x)
    {dense}
    return keras.Model(inputs, layers.Dense(num_classes, activation="softmax")(x))
'''


def _vgg(conv="layers.Conv2D(filters, 3, padding='same', activation='relu')", pool="x = layers.MaxPooling2D(2, strides=2)(x)",
         checks="    if filters < 1 or convs < 1:\n        raise ValueError('bad arguments')\n"):
    return f'''def vgg_block(x, filters, convs):
{checks}    for _ in range(convs):
        x = {conv}(x)
    {pool}
    return x
'''


def _inception(pad="same", pool="layers.MaxPooling2D(3, strides=1, padding='same')", proj=True, act="relu",
               order="[b1, b3, b5, bp]", reduce3=True,
               checks="    if min(f1, f3_reduce, f3, f5_reduce, f5, pool_proj) < 1:\n        raise ValueError('bad arguments')\n"):
    b3 = (f"b3 = layers.Conv2D(f3_reduce, 1, padding='{pad}', activation='{act}')(x)\n"
          f"    b3 = layers.Conv2D(f3, 3, padding='{pad}', activation='{act}')(b3)") if reduce3 else \
         f"b3 = layers.Conv2D(f3, 3, padding='{pad}', activation='{act}')(x)"
    bp = f"bp = layers.Conv2D(pool_proj, 1, padding='{pad}', activation='{act}')({pool}(x))" if proj else f"bp = {pool}(x)"
    return f'''def inception_module(x, f1, f3_reduce, f3, f5_reduce, f5, pool_proj):
{checks}    b1 = layers.Conv2D(f1, 1, padding='{pad}', activation='{act}')(x)
    {b3}
    b5 = layers.Conv2D(f5_reduce, 1, padding='{pad}', activation='{act}')(x)
    b5 = layers.Conv2D(f5, 5, padding='{pad}', activation='{act}')(b5)
    {bp}
    b1, b3, b5, bp = b1, b3, b5, bp
    return layers.Concatenate(axis=-1)({order})
'''


def _block(strides="(stride, 1) if variant == 'A' else (1, stride)", need="stride == 1 and x.shape[-1] == 4 * filters",
           d_pool="stride > 1", d_stride="1", ab_stride="stride", final="layers.ReLU()", expand="4 * filters",
           checks="    if variant not in ('A', 'B', 'D') or filters < 1 or stride < 1:\n        raise ValueError('bad arguments')\n"):
    return f'''def residual_block(x, filters, stride=1, variant="A"):
{checks}    s1, s3 = {strides}
    y = layers.ReLU()(layers.BatchNormalization(momentum=0.9)(layers.Conv2D(filters, 1, strides=s1, padding="same")(x)))
    y = layers.ReLU()(layers.BatchNormalization(momentum=0.9)(layers.Conv2D(filters, 3, strides=s3, padding="same")(y)))
    y = layers.BatchNormalization(momentum=0.9)(layers.Conv2D({expand}, 1, padding="same")(y))
    if {need}:
        shortcut = x
    elif variant == "D":
        shortcut = x
        if {d_pool}:
            shortcut = layers.AveragePooling2D(2, strides=2, padding="same")(shortcut)
        shortcut = layers.BatchNormalization(momentum=0.9)(layers.Conv2D({expand}, 1, strides={d_stride}, padding="same")(shortcut))
    else:
        shortcut = layers.BatchNormalization(momentum=0.9)(layers.Conv2D({expand}, 1, strides={ab_stride}, padding="same")(x))
    return {final}(layers.Add()([y, shortcut]))
'''


def _stem(c_convs="[(32, 3, 2), (32, 3, 1), (64, 3, 1)]", a_conv="[(64, 7, 2)]", pad="same",
          pool="layers.MaxPooling2D(3, strides=2, padding='same')",
          checks="    if variant not in ('A', 'C'):\n        raise ValueError('bad variant')\n"):
    return f'''def resnet_stem(x, variant="A"):
{checks}    convs = {a_conv} if variant == "A" else {c_convs}
    for filters, kernel, stride in convs:
        x = layers.ReLU()(layers.BatchNormalization(momentum=0.9)(layers.Conv2D(filters, kernel, strides=stride, padding="{pad}")(x)))
    return {pool}(x)
'''


def _small(stride="2 if (i > 0 and j == 0) else 1", pooling="layers.GlobalAveragePooling2D()",
           out="layers.Dense(1, activation='sigmoid') if num_classes == 1 else layers.Dense(num_classes, activation='softmax')",
           stem="stem", checks='''    input_shape = tuple(input_shape)
    if num_classes < 1 or blocks_per_stage < 1 or len(stage_filters) == 0:
        raise ValueError("bad arguments")
    if len(input_shape) != 3 or min(input_shape[:2]) < 4 * 2 ** (len(stage_filters) - 1):
        raise ValueError("too small")
'''):
    return f'''def build_small_resnet(input_shape, num_classes, stage_filters=(16, 32, 64), blocks_per_stage=1, stem="A", variant="D"):
{checks}    inputs = keras.Input(input_shape)
    x = resnet_stem(inputs, {stem})
    for i, filters in enumerate(stage_filters):
        for j in range(blocks_per_stage):
            x = residual_block(x, filters, stride={stride}, variant=variant)
    x = {pooling}(x)
    return keras.Model(inputs, ({out})(x))
'''


WRONG_ANSWERS = {
    "build_lenet5": {
        "ReLU and max pooling": _lenet(c1="layers.Conv2D(6, 5, activation='relu')", pool="layers.MaxPooling2D(2)",
                                       c3="layers.Conv2D(16, 5, activation='relu')",
                                       middle="x = layers.Flatten()(x)\n    x = layers.Dense(120, activation='relu')(x)",
                                       f6="layers.Dense(84, activation='relu')"),
        "max pooling (tanh kept)": _lenet(pool="layers.MaxPooling2D(2)"),
        "ReLU (average pooling kept)": _lenet(c1="layers.Conv2D(6, 5, activation='relu')", c3="layers.Conv2D(16, 5, activation='relu')",
                                              middle="x = layers.Flatten()(x)\n    x = layers.Dense(120, activation='relu')(x)",
                                              f6="layers.Dense(84, activation='relu')"),
        "C5 as Dense on the 5x5x16 maps without Flatten": _lenet(
            middle="x = layers.Dense(120, activation='tanh')(x)\n    x = layers.Flatten()(x)"),
        "same padding on C1": _lenet(c1="layers.Conv2D(6, 5, padding='same', activation='tanh')"),
        "no tanh on F6": _lenet(f6="layers.Dense(84)"),
        "sigmoid output": _lenet(out="layers.Dense(num_classes, activation='sigmoid')"),
        "no F6 layer": _lenet(f6="layers.Activation('linear')"),
        "no input validation": _lenet(checks=""),
    },
    "build_alexnet": {
        "conv1 without the stride 4": _alexnet(conv1="layers.Conv2D(96, 11, activation='relu')"),
        "conv1 with stride 2": _alexnet(conv1="layers.Conv2D(96, 11, strides=2, activation='relu')"),
        "same padding on conv1": _alexnet(conv1="layers.Conv2D(96, 11, strides=4, padding='same', activation='relu')"),
        "non-overlapping 2x2 max-pools": _alexnet(pool="layers.MaxPooling2D(2, strides=2)"),
        "valid padding on conv2": _alexnet(conv2="layers.Conv2D(256, 5, activation='relu')"),
        "tanh in conv3-conv5": _alexnet(act="tanh"),
        "one 4096 dense layer": _alexnet(dense="x = layers.Dense(4096, activation='relu')(x)"),
        "no input validation": _alexnet(checks=""),
    },
    "vgg_block": {
        "no max-pool": _vgg(pool="pass"),
        "valid padding": _vgg(conv="layers.Conv2D(filters, 3, activation='relu')"),
        "no ReLU": _vgg(conv="layers.Conv2D(filters, 3, padding='same')"),
        "5x5 kernels": _vgg(conv="layers.Conv2D(filters, 5, padding='same', activation='relu')"),
        "max-pool with stride 1": _vgg(pool="x = layers.MaxPooling2D(2, strides=1)(x)"),
        "one conv layer object applied convs times": '''def vgg_block(x, filters, convs):
    if filters < 1 or convs < 1:
        raise ValueError("bad arguments")
    conv = layers.Conv2D(filters, 3, padding="same", activation="relu")
    x = layers.Conv2D(filters, 1)(x)
    for _ in range(convs):
        x = conv(x)
    return layers.MaxPooling2D(2, strides=2)(x)
''',
        "no validation": _vgg(checks=""),
    },
    "inception_module": {
        "valid padding (branches change the spatial size)": _inception(pad="valid", pool="layers.MaxPooling2D(3, strides=1)"),
        "pool branch without the 1x1 projection": _inception(proj=False),
        "max-pool with its default stride": _inception(pool="layers.MaxPooling2D(3, padding='same')"),
        "3x3 branch without its 1x1 reduction": _inception(reduce3=False),
        "branches concatenated in another order": _inception(order="[b1, b5, b3, bp]"),
        "no ReLU": _inception(act="linear"),
        # (no "no validation" entry: Keras' Conv2D itself raises ValueError for 0 filters)
    },
    "residual_block": {
        "D without the average pool": _block(d_pool="False", d_stride="stride"),
        "B with the stride on the first 1x1 conv": _block(strides="(stride, 1) if variant in ('A', 'B') else (1, stride)"),
        "A with the stride on the 3x3 conv": _block(strides="(1, stride)"),
        "always a projection shortcut": _block(need="False"),
        "never a projection shortcut": _block(need="True"),
        "D keeps the stride on the shortcut conv after the pool": _block(d_stride="stride"),
        "D averages even at stride 1": _block(d_pool="True"),
        "no ReLU after the addition": _block(final="(lambda t: t)"),
        "no 4x expansion": _block(expand="filters"),
        "no validation": _block(checks=""),
    },
    "resnet_stem": {
        "C with the stride on the last conv": _stem(c_convs="[(32, 3, 1), (32, 3, 1), (64, 3, 2)]"),
        "C with 64 filters everywhere": _stem(c_convs="[(64, 3, 2), (64, 3, 1), (64, 3, 1)]"),
        "A with a 3x3 kernel": _stem(a_conv="[(64, 3, 2)]"),
        "valid padding": _stem(pad="valid", pool="layers.MaxPooling2D(3, strides=2)"),
        "2x2 max-pool": _stem(pool="layers.MaxPooling2D(2, strides=2, padding='same')"),
        "no max-pool (stride 4 conv instead)": _stem(a_conv="[(64, 7, 4)]", c_convs="[(32, 3, 4), (32, 3, 1), (64, 3, 1)]",
                                                    pool="(lambda t: t)"),
        "no validation": _stem(checks=""),
    },
    "build_small_resnet": {
        "stride 2 in the first stage too": _small(stride="2 if j == 0 else 1"),
        "stride 2 in every block": _small(stride="1 if i == 0 else 2"),
        "Flatten instead of global average pooling": _small(pooling="layers.Flatten()"),
        "softmax for one class": _small(out="layers.Dense(num_classes, activation='softmax')"),
        "stem argument ignored": _small(stem='"A"'),
        "no validation": _small(checks="    input_shape = tuple(input_shape)\n"),
    },
}
