# Blind set: md5/sha1 where security depends on it (tokens, signatures, integrity of downloads), with their fixes.
import secrets
import hashlib
import hmac
import time

from Crypto.Hash import MD5


def make_reset_token(user_id, email):
    # expect: weak-hash
    return hashlib.md5(f"{user_id}:{email}:{time.time()}".encode()).hexdigest()


def make_reset_token_fixed(user_id, email):
    # ok: weak-hash
    return secrets.token_urlsafe(32)


def sign_payload(secret, payload):
    # HMAC-SHA1 does not depend on SHA-1's collision resistance: relabelled ok.
    # ok: weak-hash
    return hmac.new(secret, payload, hashlib.sha1).hexdigest()


def sign_payload_fixed(secret, payload):
    # ok: weak-hash
    return hmac.new(secret, payload, hashlib.sha256).hexdigest()


def verify_download(path, expected_checksum):
    with open(path, "rb") as fh:
        # expect: weak-hash
        digest = hashlib.md5(fh.read()).hexdigest()
    return digest == expected_checksum


def verify_download_fixed(path, expected_checksum):
    with open(path, "rb") as fh:
        # ok: weak-hash
        digest = hashlib.sha256(fh.read()).hexdigest()
    return digest == expected_checksum


def api_signature(api_secret, params):
    query = "&".join(f"{k}={v}" for k, v in sorted(params.items()))
    # expect: weak-hash
    return hashlib.sha1((query + api_secret).encode("utf-8")).hexdigest()


def session_id(username):
    # expect: weak-hash
    return hashlib.new("md5", (username + str(time.time())).encode()).hexdigest()


def cache_key(url):
    # ok: weak-hash
    return hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def etag_for(content):
    # ok: weak-hash
    return hashlib.md5(content).hexdigest()


def legacy_token(secret):
    # expect: weak-hash
    h = MD5.new()
    h.update(secret.encode())
    return h.hexdigest()


def store_api_token(db, token):
    # expect: weak-hash
    db.save(token_hash=hashlib.sha1(token.encode()).hexdigest())


def store_api_token_fixed(db, token):
    # ok: weak-hash
    db.save(token_hash=hashlib.sha256(token.encode()).hexdigest())
