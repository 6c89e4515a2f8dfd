#!/usr/bin/env python3
"""Build the diabetes ridge-regression sample model for ScoreSpec.

How to rerun (from the repository root):

    python3 samples/models/make_ridge.py

Needs numpy, scikit-learn and onnx; nothing is downloaded (the diabetes data
set ships with scikit-learn).  The Maven build needs no Python: the outputs of
this script are committed and the build only reads them.

What it does:

* fits ``sklearn.linear_model.Ridge(alpha=1.0)`` (scikit-learn's default
  alpha) on ``load_diabetes()``: 442 rows, 10 (already scaled) features, the
  target is a disease-progression score;
* writes the fitted linear model as a hand-built ONNX graph (no skl2onnx):

      data [N,10] float64 --MatMul(coef [10,1])--> [N,1]
                          --Add(intercept [1])--> [N,1]
                          --Reshape([-1])-------> predictions [N] float64

  opset 17, IR version 8 (both pinned, readable by ONNX Runtime 1.29);
* runs the exported graph with onnx's reference evaluator on the Azure ML
  docs' sample input ``[[10,9,8,7,6,5,4,3,2,1]]`` and on the first 3 rows of
  the data set, checks the results against scikit-learn's own ``predict``,
  prints them, and writes them to ``expected.json`` for the Java tests.

* writes a second, tiny model for the two-model sample: the terciles of the
  data set's target (one-year disease progression), which sort a predicted
  progression into the bands low / moderate / high.

Outputs, in the layout of an Azure ML model directory
(``<model-name>/<version>/<files>``):

    samples/models/diabetes-ridge/1/ridge.onnx
    samples/models/diabetes-ridge/1/expected.json
    samples/models/progression-bands/1/bands.json

The output is deterministic: Ridge is fitted with the closed-form "cholesky"
solver (no randomness), the model carries no timestamps or tool versions, and
the JSON is written in a fixed layout with Python's shortest round-trip float
formatting.  Rerunning with the same numpy/scikit-learn produces identical
bytes.
"""

import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from onnx.reference import ReferenceEvaluator
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge

ALPHA = 1.0
OPSET = 17
IR_VERSION = 8
N_FEATURES = 10

MODEL_NAME = "diabetes-ridge"
MODEL_VERSION = "1"

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(HERE, MODEL_NAME, MODEL_VERSION)
ONNX_PATH = os.path.join(OUT_DIR, "ridge.onnx")
EXPECTED_PATH = os.path.join(OUT_DIR, "expected.json")

BANDS_NAME = "progression-bands"
BANDS_VERSION = "1"
BANDS_PATH = os.path.join(HERE, BANDS_NAME, BANDS_VERSION, "bands.json")
BAND_LABELS = ["low", "moderate", "high"]

DOCS_SAMPLE = [[10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0]]


def fit():
    data = load_diabetes()
    x = np.asarray(data.data, dtype=np.float64)
    y = np.asarray(data.target, dtype=np.float64)
    if x.shape[1] != N_FEATURES:
        raise SystemExit(f"expected {N_FEATURES} features, got {x.shape[1]}")
    model = Ridge(alpha=ALPHA, solver="cholesky")
    model.fit(x, y)
    return model, x


def build_onnx(model):
    coef = np.asarray(model.coef_, dtype=np.float64).reshape(N_FEATURES, 1)
    intercept = np.asarray([model.intercept_], dtype=np.float64)
    flat = np.asarray([-1], dtype=np.int64)

    inits = [
        numpy_helper.from_array(coef, name="coef"),
        numpy_helper.from_array(intercept, name="intercept"),
        numpy_helper.from_array(flat, name="flat_shape"),
    ]
    nodes = [
        helper.make_node("MatMul", ["data", "coef"], ["weighted"], name="matmul"),
        helper.make_node("Add", ["weighted", "intercept"], ["column"], name="add_intercept"),
        helper.make_node("Reshape", ["column", "flat_shape"], ["predictions"], name="to_1d"),
    ]
    graph = helper.make_graph(
        nodes,
        "diabetes_ridge",
        inputs=[helper.make_tensor_value_info("data", TensorProto.DOUBLE, ["N", N_FEATURES])],
        outputs=[helper.make_tensor_value_info("predictions", TensorProto.DOUBLE, ["N"])],
        initializer=inits,
        doc_string="Ridge regression on scikit-learn's diabetes data set: "
                   "predictions = data @ coef + intercept.",
    )
    onnx_model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET)],
        producer_name="scorespec-make_ridge",
        producer_version="1",
        doc_string=f"sklearn Ridge(alpha={ALPHA}) fitted on load_diabetes(); "
                   "10 float64 features in, one float64 prediction per row out.",
    )
    onnx_model.ir_version = IR_VERSION
    onnx_model.model_version = int(MODEL_VERSION)
    helper.set_model_props(onnx_model, {"alpha": repr(ALPHA), "dataset": "sklearn.datasets.load_diabetes"})
    onnx.checker.check_model(onnx_model, full_check=True)
    return onnx_model


def write_bands():
    """Terciles of the target: a progression below thresholds[i] is labels[i], else the last label."""
    y = np.asarray(load_diabetes().target, dtype=np.float64)
    thresholds = [float(q) for q in np.quantile(y, [1.0 / 3.0, 2.0 / 3.0])]
    bands = {
        "description": "Terciles of the one-year disease progression in scikit-learn's diabetes data set: "
                       "a progression below thresholds[i] is labels[i], any other is the last label.",
        "thresholds": thresholds,
        "labels": BAND_LABELS,
    }
    os.makedirs(os.path.dirname(BANDS_PATH), exist_ok=True)
    with open(BANDS_PATH, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(bands, indent=2) + "\n")
    print(f"wrote {os.path.relpath(BANDS_PATH)}: thresholds {thresholds!r}, labels {BAND_LABELS!r}")


def main():
    model, x = fit()
    onnx_model = build_onnx(model)

    os.makedirs(OUT_DIR, exist_ok=True)
    data = onnx_model.SerializeToString(deterministic=True)
    with open(ONNX_PATH, "wb") as f:
        f.write(data)

    rows = np.asarray(DOCS_SAMPLE + x[:3].tolist(), dtype=np.float64)
    (onnx_pred,) = ReferenceEvaluator(onnx.load_from_string(data)).run(None, {"data": rows})
    sk_pred = model.predict(rows)
    if onnx_pred.shape != (rows.shape[0],):
        raise SystemExit(f"unexpected output shape {onnx_pred.shape}")
    if not np.allclose(onnx_pred, sk_pred, rtol=0.0, atol=1e-9):
        raise SystemExit(f"ONNX graph disagrees with scikit-learn: {onnx_pred} vs {sk_pred}")

    # {"input": [[...], ...], "predictions": [...]}, one input row per line.
    row_lines = ",\n".join("    " + json.dumps(r) for r in rows.tolist())
    preds = json.dumps([float(v) for v in onnx_pred])
    with open(EXPECTED_PATH, "w", encoding="utf-8", newline="\n") as f:
        f.write('{\n  "input": [\n' + row_lines + '\n  ],\n  "predictions": ' + preds + "\n}\n")
    json.loads(open(EXPECTED_PATH, encoding="utf-8").read())  # stays valid JSON

    print(f"Ridge(alpha={ALPHA}) on load_diabetes(): intercept={model.intercept_!r}")
    print(f"coef={model.coef_.tolist()!r}")
    print(f"wrote {os.path.relpath(ONNX_PATH)} ({len(data)} bytes), opset {OPSET}, IR {IR_VERSION}")
    print(f"wrote {os.path.relpath(EXPECTED_PATH)}")
    print(f"prediction for {DOCS_SAMPLE}: {float(onnx_pred[0])!r}")
    for i in range(3):
        print(f"prediction for data row {i}: {float(onnx_pred[i + 1])!r} (target {load_diabetes().target[i]!r})")
    write_bands()
    return 0


if __name__ == "__main__":
    sys.exit(main())
