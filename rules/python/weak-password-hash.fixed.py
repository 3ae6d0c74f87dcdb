"""User storage for a small web app, hashing passwords in the ways assistants often suggest."""
import base64
import crypt
import hashlib
import hmac
import os
import secrets

import bcrypt
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from werkzeug.security import check_password_hash, generate_password_hash

STATIC_SALT = b"s3cr3t-salt"


def hash_password(password: str) -> str:
    # expect: weak-password-hash
    return hashlib.sha256(password.encode()).hexdigest()


def hash_with_salt(password: str) -> str:
    salt = os.urandom(16).hex()
    # expect: weak-password-hash
    digest = hashlib.sha512((salt + password).encode()).hexdigest()
    return f"{salt}${digest}"


def verify_password(stored_hash: str, password: str) -> bool:
    # expect: weak-password-hash
    return hashlib.sha256(password.encode()).hexdigest() == stored_hash


def register(username: str, raw_password: str, db) -> None:
    # expect: weak-password-hash
    hashed = hashlib.new("sha256", raw_password.encode()).hexdigest()
    db.insert(username=username, password_hash=hashed)


def make_password_hash(pw: str) -> str:
    # expect: weak-password-hash
    return hashlib.sha3_256(pw.encode("utf-8")).hexdigest()


def legacy_werkzeug(password: str) -> str:
    # Werkzeug before 2.3: "sha256" meant one salted HMAC round.
    # expect: weak-password-hash
    return generate_password_hash(password, method="sha256")


def pbkdf2_few_rounds(password: str) -> bytes:
    salt = os.urandom(16)
    # expect: weak-password-hash
    return salt + hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def pbkdf2_constant_salt(password: str) -> bytes:
    # expect: weak-password-hash
    return hashlib.pbkdf2_hmac("sha256", password.encode(), STATIC_SALT, 600_000)


def bcrypt_cheap(password: str) -> bytes:
    # expect: weak-password-hash
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=12))


def kdf_cheap(password: bytes) -> bytes:
    salt = os.urandom(16)
    # expect: weak-password-hash
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=600_000)
    return kdf.derive(password)


def unix_crypt(password: str) -> str:
    # Two-character salt: the DES-based crypt(3), eight characters at most.
    # expect: weak-password-hash
    return crypt.crypt(password, "ab")


class User:
    def set_password(self, password: str) -> None:
        # expect: weak-password-hash
        self.password_hash = hashlib.blake2b(password.encode()).hexdigest()


def hash_password_bcrypt(password: str) -> bytes:
    # ok: weak-password-hash
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())


def hash_password_prehash(password: str) -> bytes:
    # Pre-hashing before bcrypt (to get past its 72-byte limit) is a known good pattern.
    # ok: weak-password-hash
    prehashed = base64.b64encode(hashlib.sha256(password.encode()).digest())
    return bcrypt.hashpw(prehashed, bcrypt.gensalt())


def hash_password_pbkdf2(password: str) -> bytes:
    salt = os.urandom(16)
    # ok: weak-password-hash
    return salt + hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def hash_password_scrypt(password: str) -> bytes:
    salt = os.urandom(16)
    # ok: weak-password-hash
    return salt + hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)


def werkzeug_default(password: str) -> str:
    # ok: weak-password-hash
    return generate_password_hash(password)


def check(stored: str, password: str) -> bool:
    # ok: weak-password-hash
    return check_password_hash(stored, password)


def hash_reset_token(token: str) -> str:
    # Reset tokens are long random values: a fast hash is the right tool for storing them.
    # ok: weak-password-hash
    return hashlib.sha256(token.encode()).hexdigest()


def create_password_reset(user) -> str:
    token = secrets.token_urlsafe(32)
    # The function is about passwords; the data hashed is a random token.
    # ok: weak-password-hash
    user.reset_token_hash = hashlib.sha256(token.encode()).hexdigest()
    return token


def file_checksum(path: str) -> str:
    with open(path, "rb") as handle:
        # ok: weak-password-hash
        return hashlib.sha256(handle.read()).hexdigest()


def api_key_digest(api_key: str) -> str:
    # ok: weak-password-hash
    return hashlib.sha256(api_key.encode()).hexdigest()


def legacy_md5(password: str) -> str:
    # MD5 is weak-hash's finding; this rule stays off the line.
    # ok: weak-password-hash
    # expect: weak-hash
    return hashlib.md5(password.encode()).hexdigest()


def sign(password_reset_url: str, key: bytes) -> str:
    # ok: weak-password-hash
    return hmac.new(key, password_reset_url.encode(), hashlib.sha256).hexdigest()
