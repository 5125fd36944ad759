"""Evidence that the synthetic sets teach something: a tiny CNN trained for a few seconds.

At default difficulty a tiny network must do clearly better than chance but not perfectly;
a task a few seconds of training solves perfectly would teach nothing, and one it cannot
start on would leave the notebooks' models nothing to show. (The notebooks' bars, AUC >= 0.95,
mAP@0.5 >= 0.80 and Dice >= 0.85 within a minute of training, are measured in the data
cards.) TensorFlow is imported inside the tests only.
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from course_utils.datasets import chest_xray_nodules, ultrasound_nerves


@pytest.fixture
def keras(monkeypatch, tmp_path):
    """Seeded, deterministic Keras with its home folder in tmp_path."""
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", "3")
    import keras as keras_module
    import tensorflow as tf

    keras_module.utils.set_random_seed(0)
    tf.config.experimental.enable_op_determinism()
    return keras_module


def tiny_cnn(keras, input_shape):
    """Three 3x3 convolutions (8, 16, 16 filters) with max pooling, global max pool, sigmoid."""
    layers = keras.layers
    x = inputs = keras.Input(input_shape)
    for filters in (8, 16, 16):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = layers.MaxPooling2D(2)(x)
    x = layers.GlobalMaxPooling2D()(x)
    model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(x))
    model.compile(optimizer=keras.optimizers.Adam(3e-3), loss="binary_crossentropy")
    return model


def test_tiny_cnn_finds_nodules_better_than_chance_but_not_perfectly(keras):
    data = chest_xray_nodules(progress=False)
    rng = np.random.default_rng(0)
    test_patients = rng.choice(250, 50, replace=False)
    test = np.isin(data.patient_ids, test_patients)
    model = tiny_cnn(keras, data.images.shape[1:])
    model.fit(data.images[~test], data.labels[~test], batch_size=32, epochs=6, verbose=0)
    scores = model.predict(data.images[test], batch_size=256, verbose=0)[:, 0]
    auc = roc_auc_score(data.labels[test], scores)
    # seed 0 gives 0.94 on the reference machine; seeds 1-4 gave 0.93-0.96
    assert 0.7 <= auc <= 0.99, f"tiny CNN, 6 epochs, held-out patients: AUC {auc:.3f} (expected 0.7-0.99)"


def test_tiny_cnn_finds_needles_better_than_chance_but_not_perfectly(keras):
    data = ultrasound_nerves(progress=False)
    train = np.arange(len(data)) < 1600
    model = tiny_cnn(keras, data.images.shape[1:])
    model.fit(data.images[train], data.needle_labels[train], batch_size=32, epochs=6, verbose=0)
    scores = model.predict(data.images[~train], batch_size=256, verbose=0)[:, 0]
    auc = roc_auc_score(data.needle_labels[~train], scores)
    # seed 0 gives 0.71 on the reference machine; seeds 1-4 gave 0.69-0.94 (a thin line is hard
    # for 3.6 k weights). 0.6 is still more than three standard errors above chance on 400 images.
    assert 0.6 <= auc <= 0.99, f"tiny CNN, 6 epochs, needle present: AUC {auc:.3f} (expected 0.6-0.99)"
