# Blind set: unsafe deserialization shapes from PyPI advisories (model loaders, caches, config readers) and their fixes.
import joblib
import base64
import pandas as pd
import marshal
import json
import pickle
import shelve

import dill
import jsonpickle
import numpy as np
import torch
import yaml
from flask import Flask, request

app = Flask(__name__)


def load_config(path):
    with open(path) as fh:
        # expect: unsafe-deserialization
        return yaml.load(fh, Loader=yaml.Loader)


def load_config_fixed(path):
    with open(path) as fh:
        # ok: unsafe-deserialization
        return yaml.load(fh, Loader=yaml.SafeLoader)


def parse_manifest(text):
    # expect: unsafe-deserialization
    return yaml.load(text)


def parse_manifest_fixed(text):
    # ok: unsafe-deserialization
    return yaml.safe_load(text)


def read_all_docs(stream):
    # expect: unsafe-deserialization
    return list(yaml.load_all(stream, Loader=yaml.FullLoader))


def read_all_docs_fixed(stream):
    # ok: unsafe-deserialization
    return list(yaml.safe_load_all(stream))


class RedisCache:
    def __init__(self, client):
        self.client = client

    def get(self, key):
        raw = self.client.get(key)
        if raw is None:
            return None
        # expect: unsafe-deserialization
        return pickle.loads(raw)


class JsonCache:
    def __init__(self, client):
        self.client = client

    def get(self, key):
        raw = self.client.get(key)
        if raw is None:
            return None
        # ok: unsafe-deserialization
        return json.loads(raw)


@app.route("/restore", methods=["POST"])
def restore_session():
    blob = request.get_data()
    # expect: unsafe-deserialization
    state = pickle.loads(blob)
    return str(state)


@app.route("/restore-fixed", methods=["POST"])
def restore_session_fixed():
    blob = request.get_data()
    # ok: unsafe-deserialization
    state = json.loads(blob)
    return str(state)


def load_checkpoint(path, device="cpu"):
    # expect: unsafe-deserialization
    return torch.load(path, map_location=device)


def load_checkpoint_fixed(path, device="cpu"):
    # ok: unsafe-deserialization
    return torch.load(path, map_location=device, weights_only=True)


def load_embeddings(path):
    # expect: unsafe-deserialization
    return np.load(path, allow_pickle=True)


def load_embeddings_fixed(path):
    # ok: unsafe-deserialization
    return np.load(path, allow_pickle=False)


def decode_payload(data):
    # expect: unsafe-deserialization
    return jsonpickle.decode(data)


def decode_payload_fixed(data):
    # ok: unsafe-deserialization
    return json.loads(data)


def open_store(path):
    # todo-expect: unsafe-deserialization
    db = shelve.open(path)
    return dict(db)


def load_pipeline(fh):
    # expect: unsafe-deserialization
    return dill.load(fh)


def load_model_file(model_path):
    with open(model_path, "rb") as f:
        # expect: unsafe-deserialization
        model = pickle.load(f)
    return model


class Unpickler(pickle.Unpickler):
    ALLOWED = {("collections", "OrderedDict")}

    def find_class(self, module, name):
        if (module, name) not in self.ALLOWED:
            raise pickle.UnpicklingError(name)
        return super().find_class(module, name)


def load_state(path):
    # expect: unsafe-deserialization
    return joblib.load(path)


def import_session(cookie_value):
    # expect: unsafe-deserialization
    return pickle.loads(base64.b64decode(cookie_value))


def import_session_fixed(cookie_value):
    # ok: unsafe-deserialization
    return json.loads(base64.b64decode(cookie_value))


def read_frame(path):
    # expect: unsafe-deserialization
    return pd.read_pickle(path)


def parse_rules(text):
    # expect: unsafe-deserialization
    return yaml.unsafe_load(text)


def load_marshal(blob):
    # todo-expect: unsafe-deserialization
    return marshal.loads(blob)
