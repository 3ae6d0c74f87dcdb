# Auth/token helpers of a vulnerable app and a file-integrity library.
import hashlib
import hmac
import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/register", methods=["POST"])
def register():
    password = request.form["password"]
    # expect: weak-hash
    pw_hash = hashlib.md5(password.encode()).hexdigest()
    save_user(request.form["username"], pw_hash)
    return "ok"


def save_user(name, pw_hash):
    pass


def make_reset_token(email):
    # expect: weak-hash
    return hashlib.md5((email + str(os.getpid())).encode()).hexdigest()


def make_api_key(user_id, salt):
    # expect: weak-hash
    return hashlib.sha1(f"{user_id}:{salt}".encode()).hexdigest()


def sign_payload(key, payload):
    # expect: weak-hash
    return hmac.new(key, payload, hashlib.md5).hexdigest()


def sign_payload_safe(key, payload):
    # ok: weak-hash
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def check_password(stored, password):
    # expect: weak-hash
    return stored == hashlib.new("sha1", password.encode()).hexdigest()


# ---- non-security uses (should stay quiet) ----

def cache_key(url):
    # ok: weak-hash
    return hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def file_checksum(path):
    # ok: weak-hash
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            h.update(chunk)
    return h.hexdigest()
