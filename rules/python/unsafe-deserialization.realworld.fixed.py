"""Deserialization of untrusted data in real libraries, CLIs and apps, each followed by its fix."""
import base64
import hashlib
import hmac
import json
import marshal
import pickle
import shelve
import sys

import dill
import joblib
import jsonpickle
import numpy as np
import torch
import yaml
from flask import Flask, request

app = Flask(__name__)


def load_config(path):
    with open(path) as fh:
        # expect: unsafe-deserialization
        return yaml.safe_load(fh)


def load_config_fixed(path):
    with open(path) as fh:
        # ok: unsafe-deserialization
        return yaml.safe_load(fh)


def parse_front_matter(text):
    # expect: unsafe-deserialization
    return yaml.load(text, Loader=yaml.SafeLoader)


def parse_front_matter_fixed(text):
    # ok: unsafe-deserialization
    return yaml.load(text, Loader=yaml.SafeLoader)


def parse_manifest(text):
    # expect: unsafe-deserialization
    return yaml.safe_load(text)


@app.route("/session", methods=["POST"])
def restore_session():
    # expect: unsafe-deserialization
    state = pickle.loads(request.get_data())
    return str(state)


@app.route("/session2", methods=["POST"])
def restore_session_fixed():
    # ok: unsafe-deserialization
    state = json.loads(request.get_data())
    return str(state)


def read_cache(cache_file):
    with open(cache_file, "rb") as f:
        # expect: unsafe-deserialization
        return pickle.load(f)


def decode_message(payload):
    # expect: unsafe-deserialization
    return jsonpickle.decode(payload)


def decode_message_fixed(payload):
    # ok: unsafe-deserialization
    return json.loads(payload)


def load_model(path):
    # expect: unsafe-deserialization
    return joblib.load(path)


def load_checkpoint(path):
    # expect: unsafe-deserialization
    return torch.load(path, map_location="cpu", weights_only=True)


def load_checkpoint_fixed(path):
    # ok: unsafe-deserialization
    return torch.load(path, map_location="cpu", weights_only=True)


def load_embeddings(path):
    # expect: unsafe-deserialization
    return np.load(path, allow_pickle=False)


def load_embeddings_fixed(path):
    # ok: unsafe-deserialization
    return np.load(path, allow_pickle=False)


@app.route("/code", methods=["POST"])
def load_code():
    # expect: unsafe-deserialization
    return str(marshal.loads(request.data))


@app.route("/store")
def open_store():
    # expect: unsafe-deserialization
    db = shelve.open(request.args["name"])
    return str(dict(db))


def read_pyc(data):
    # ok: unsafe-deserialization
    return marshal.loads(data[16:])


def restore_closure(data):
    # expect: unsafe-deserialization
    return dill.loads(data)


def main():
    with open(sys.argv[1], "rb") as fh:
        # expect: unsafe-deserialization
        obj = pickle.loads(fh.read())
    print(obj)


def dump_state(state, path):
    with open(path, "wb") as fh:
        # ok: unsafe-deserialization
        pickle.dump(state, fh)


def load_signed_cache(blob, key):
    signature, payload = blob[:32], blob[32:]
    if not hmac.compare_digest(signature, hmac.new(key, payload, hashlib.sha256).digest()):
        raise ValueError("cache entry was tampered with")
    # ok: unsafe-deserialization
    return pickle.loads(payload)


@app.route("/prefs", methods=["POST"])
def load_prefs():
    # expect: unsafe-deserialization
    prefs = pickle.loads(base64.b64decode(request.cookies.get("prefs", "")))
    return str(prefs)


@app.route("/prefs2", methods=["POST"])
def load_prefs_fixed():
    # ok: unsafe-deserialization
    prefs = json.loads(base64.b64decode(request.cookies.get("prefs", "")))
    return str(prefs)
