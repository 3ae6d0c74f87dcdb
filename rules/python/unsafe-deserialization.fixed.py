"""A Flask service that restores user sessions, imports settings and loads models, as an assistant might write it."""
import base64
import copy
import json
import marshal
import pickle
import shelve

import dill
import joblib
import jsonpickle
import numpy as np
import pandas as pd
import torch
import yaml
from flask import Flask, request, jsonify

app = Flask(__name__)
CONFIG_PATH = "config/defaults.yaml"


@app.route("/session/restore", methods=["POST"])
def restore_session():
    blob = base64.b64decode(request.form["state"])
    # expect: unsafe-deserialization
    state = pickle.loads(blob)
    return jsonify(user=state["user"])


@app.route("/import", methods=["POST"])
def import_settings():
    # expect: unsafe-deserialization
    settings = yaml.safe_load(request.data)
    return jsonify(settings)


@app.route("/import-all", methods=["POST"])
def import_documents():
    # expect: unsafe-deserialization
    docs = list(yaml.load_all(request.get_data(), Loader=yaml.SafeLoader))
    return jsonify(count=len(docs))


def load_pipeline(path: str):
    with open(path) as handle:
        # expect: unsafe-deserialization
        return yaml.load(handle, Loader=yaml.SafeLoader)


def read_cache(path: str):
    with open(path, "rb") as handle:
        # expect: unsafe-deserialization
        return pickle.load(handle)


def read_job(raw: bytes):
    # expect: unsafe-deserialization
    return dill.loads(raw)


@app.route("/plugins", methods=["POST"])
def upload_plugin():
    # expect: unsafe-deserialization
    code = marshal.loads(request.get_data())
    return jsonify(name=code.co_name)


def load_cached_bytecode(path: str):
    with open(path, "rb") as handle:
        handle.read(16)
        # Reading back .pyc code objects the interpreter wrote is what marshal is for.
        # ok: unsafe-deserialization
        return marshal.load(handle)


@app.route("/widgets", methods=["PUT"])
def update_widget():
    # expect: unsafe-deserialization
    widget = jsonpickle.decode(request.get_data(as_text=True))
    return jsonify(id=widget.id)


def load_classifier(model_path: str):
    # expect: unsafe-deserialization
    return joblib.load(model_path)


def load_checkpoint(path: str):
    # expect: unsafe-deserialization
    state = torch.load(path, map_location="cpu", weights_only=True)
    return state["model"]


def load_embeddings(path: str):
    # expect: unsafe-deserialization
    return np.load(path, allow_pickle=False)


@app.route("/upload-frame", methods=["POST"])
def upload_frame():
    # expect: unsafe-deserialization
    frame = pd.read_pickle(request.files["frame"])
    return jsonify(rows=len(frame))


@app.route("/profile/<name>")
def open_profile(name):
    # expect: unsafe-deserialization
    with shelve.open(f"profiles/{name}") as db:
        return jsonify(db.get("prefs", {}))


def unpickle_stream(stream):
    # expect: unsafe-deserialization
    return pickle.Unpickler(stream).load()


def load_defaults():
    with open(CONFIG_PATH) as handle:
        # ok: unsafe-deserialization
        return yaml.safe_load(handle)


def load_with_safe_loader(text: str):
    # ok: unsafe-deserialization
    return yaml.load(text, Loader=yaml.SafeLoader)


def load_with_c_loader(text: str):
    # ok: unsafe-deserialization
    return yaml.load(text, yaml.CSafeLoader)


def parse_body():
    # ok: unsafe-deserialization
    return json.loads(request.data)


def clone(obj):
    # The classic deep-copy idiom reads back bytes it has just written.
    # ok: unsafe-deserialization
    return pickle.loads(pickle.dumps(obj))


def save_cache(path: str, data) -> None:
    with open(path, "wb") as handle:
        # ok: unsafe-deserialization
        pickle.dump(data, handle)


def load_weights(path: str):
    # ok: unsafe-deserialization
    return torch.load(path, map_location="cpu", weights_only=True)


def load_array(path: str):
    # ok: unsafe-deserialization
    return np.load(path)


def local_shelf():
    # A fixed path the program itself owns.
    # ok: unsafe-deserialization
    return shelve.open("cache/index")


class RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if module == "builtins" and name in {"list", "dict", "set"}:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed")


def restricted_loads(data: bytes):
    # A subclass that limits find_class is the documented way to unpickle safely.
    # ok: unsafe-deserialization
    return RestrictedUnpickler(io_bytes(data)).load()


def read_object_array(handle, allow_pickle: bool = False):
    if not allow_pickle:
        raise ValueError("object arrays need allow_pickle=True")
    # The caller opted in explicitly.
    # ok: unsafe-deserialization
    return pickle.load(handle)


def dump_config(config: dict) -> str:
    # ok: unsafe-deserialization
    return yaml.dump(config, default_flow_style=False)


def duplicate(settings):
    # ok: unsafe-deserialization
    return copy.deepcopy(settings)


def io_bytes(data: bytes):
    import io
    return io.BytesIO(data)
