# Session/cart handling in a vulnerable shop app, plus model/config loaders of a small ML library.
import base64
import pickle
import shelve

import dill
import jsonpickle
import numpy as np
import torch
import yaml
from flask import Flask, request, make_response

app = Flask(__name__)


@app.route("/cart")
def cart():
    raw = request.cookies.get("cart")
    # expect: unsafe-deserialization
    items = pickle.loads(base64.b64decode(raw))
    return {"items": items}


@app.route("/cart-safe")
def cart_safe():
    import json
    raw = request.cookies.get("cart")
    # ok: unsafe-deserialization
    items = json.loads(base64.b64decode(raw))
    return {"items": items}


@app.route("/import", methods=["POST"])
def import_settings():
    # expect: unsafe-deserialization
    settings = yaml.load(request.data)
    return {"ok": True, "keys": list(settings)}


@app.route("/import-safe", methods=["POST"])
def import_settings_safe():
    # ok: unsafe-deserialization
    settings = yaml.safe_load(request.data)
    return {"ok": True, "keys": list(settings)}


@app.route("/restore", methods=["POST"])
def restore():
    # expect: unsafe-deserialization
    obj = jsonpickle.decode(request.get_data(as_text=True))
    return {"restored": str(obj)}


# ---- library ----

def load_config(path):
    with open(path) as fh:
        # expect: unsafe-deserialization
        return yaml.load(fh, Loader=yaml.Loader)


def load_config_safe(path):
    with open(path) as fh:
        # ok: unsafe-deserialization
        return yaml.load(fh, Loader=yaml.SafeLoader)


def load_checkpoint(path, device="cpu"):
    # expect: unsafe-deserialization
    return torch.load(path, map_location=device)


def load_checkpoint_safe(path, device="cpu"):
    # ok: unsafe-deserialization
    return torch.load(path, map_location=device, weights_only=True)


def load_embeddings(path):
    # expect: unsafe-deserialization
    return np.load(path, allow_pickle=True)


def load_embeddings_safe(path):
    # ok: unsafe-deserialization
    return np.load(path, allow_pickle=False)


def load_cache(cache_file):
    with open(cache_file, "rb") as fh:
        # expect: unsafe-deserialization
        return pickle.load(fh)


def open_store(db_path, key):
    # todo-expect: unsafe-deserialization
    with shelve.open(db_path) as db:
        return db.get(key)


def restore_session(blob):
    # expect: unsafe-deserialization
    return dill.loads(blob)


def load_all_docs(stream):
    # expect: unsafe-deserialization
    return list(yaml.load_all(stream, Loader=yaml.FullLoader))


def load_all_docs_safe(stream):
    # ok: unsafe-deserialization
    return list(yaml.safe_load_all(stream))
