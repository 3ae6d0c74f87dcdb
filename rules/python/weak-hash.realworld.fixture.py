"""Weak hashes as they appear in real libraries and apps, each followed by the shape its security fix took."""
import hashlib
import hmac
import binascii
import sys
from hashlib import md5 as _md5

from Crypto.Hash import SHA as CryptoSHA
from Crypto.Hash import SHA256 as CryptoSHA256


class TokenGenerator:
    def make_token(self, user, timestamp):
        value = "%s%s%s" % (user.pk, user.password, timestamp)
        # expect: weak-hash
        hash_string = hashlib.sha1(value.encode()).hexdigest()[::2]
        return "%s-%s" % (timestamp, hash_string)


class TokenGeneratorFixed:
    def make_token(self, user, timestamp, secret):
        value = "%s%s%s" % (user.pk, user.password, timestamp)
        # ok: weak-hash
        hash_string = hmac.new(secret, value.encode(), hashlib.sha256).hexdigest()[::2]
        return "%s-%s" % (timestamp, hash_string)


def generate_api_signature(secret_key, params):
    query = "&".join("%s=%s" % (k, params[k]) for k in sorted(params))
    # expect: weak-hash
    return hashlib.md5((query + secret_key).encode("utf-8")).hexdigest()


def generate_api_signature_fixed(secret_key, params):
    query = "&".join("%s=%s" % (k, params[k]) for k in sorted(params))
    # ok: weak-hash
    return hmac.new(secret_key.encode(), query.encode("utf-8"), hashlib.sha256).hexdigest()


def encode_password(raw_password, salt):
    # expect: weak-hash
    hashed = _md5((salt + raw_password).encode()).hexdigest()
    return "md5$%s$%s" % (salt, hashed)


def check_signature(body, signature, secret):
    # HMAC-SHA-1 needs no collision resistance: GitHub's legacy X-Hub-Signature is still sound.
    # ok: weak-hash
    mac = hmac.new(secret, msg=body, digestmod=hashlib.sha1)
    return hmac.compare_digest("sha1=" + mac.hexdigest(), signature)


def check_signature_fixed(body, signature, secret):
    # ok: weak-hash
    mac = hmac.new(secret, msg=body, digestmod=hashlib.sha256)
    return hmac.compare_digest("sha256=" + mac.hexdigest(), signature)


def create_session_key(username, nonce):
    # expect: weak-hash
    digest = hashlib.new("md5")
    digest.update(("%s:%s" % (username, nonce)).encode())
    return digest.hexdigest()


def create_session_key_fixed(username, nonce):
    # ok: weak-hash
    digest = hashlib.new("sha256")
    digest.update(("%s:%s" % (username, nonce)).encode())
    return digest.hexdigest()


def hash_token(token):
    # expect: weak-hash
    return binascii.hexlify(hashlib.sha1(token.encode()).digest()).decode()


def hash_token_fixed(token):
    # ok: weak-hash
    return binascii.hexlify(hashlib.sha256(token.encode()).digest()).decode()


def verify_checksum(data, expected_md5):
    # expect: weak-hash
    actual = hashlib.md5(data).hexdigest()
    if actual != expected_md5:
        raise ValueError("checksum mismatch: package may have been tampered with")


def verify_checksum_fixed(data, expected_sha256):
    # ok: weak-hash
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected_sha256:
        raise ValueError("checksum mismatch: package may have been tampered with")


def make_signature(key, message):
    # expect: weak-hash
    h = CryptoSHA.new(key + message)
    return h.hexdigest()


def make_signature_fixed(key, message):
    # ok: weak-hash
    h = CryptoSHA256.new(key + message)
    return h.hexdigest()


def cache_file_name(url):
    # ok: weak-hash
    return hashlib.md5(url.encode("utf-8"), usedforsecurity=False).hexdigest()


def api_key_hash(api_key):
    # expect: weak-hash
    return hashlib.sha1(api_key.encode("utf-8")).hexdigest()


def api_key_hash_fixed(api_key):
    # ok: weak-hash
    return hashlib.sha256(api_key.encode("utf-8")).hexdigest()


def calculate_auth_response(username, realm, password, method, uri, nonce):
    # expect: weak-hash
    ha1 = hashlib.md5(("%s:%s:%s" % (username, realm, password)).encode()).hexdigest()
    # expect: weak-hash
    ha2 = hashlib.md5(("%s:%s" % (method, uri)).encode()).hexdigest()
    # expect: weak-hash
    return hashlib.md5(("%s:%s:%s" % (ha1, nonce, ha2)).encode()).hexdigest()


def create_account(username, raw_password):
    from django.contrib.auth.hashers import make_password
    # expect: weak-hash
    return {"username": username, "password": make_password(raw_password, None, "unsalted_md5")}


def create_account_fixed(username, raw_password):
    from django.contrib.auth.hashers import make_password
    # ok: weak-hash
    return {"username": username, "password": make_password(raw_password)}


FIPS_SAFE = {"usedforsecurity": False} if sys.version_info >= (3, 9) else {}


def asset_digest(content):
    # ok: weak-hash
    return hashlib.md5(content, **({"usedforsecurity": False} if sys.version_info >= (3, 9) else {})).hexdigest()
