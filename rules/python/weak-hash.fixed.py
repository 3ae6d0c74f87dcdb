"""Account helpers, webhook checks and a few caching utilities, as an assistant might write them."""
import hashlib
import hmac
import os
import time
from hashlib import md5, sha1

from Crypto.Hash import MD5, SHA256
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from passlib.hash import md5_crypt


def hash_password(password: str) -> str:
    # expect: weak-hash
    return hashlib.md5(password.encode()).hexdigest()


def check_password(stored: str, candidate: str) -> bool:
    salt = stored[:16]
    # expect: weak-hash
    digest = hashlib.sha1((salt + candidate).encode()).hexdigest()
    return hmac.compare_digest(stored[16:], digest)


def make_reset_token(user_id: int) -> str:
    # expect: weak-hash
    token = hashlib.sha256(f"{user_id}:{time.time()}".encode()).hexdigest()
    return token


def sign_payload(payload: bytes, secret: bytes) -> str:
    # expect: weak-hash
    return hashlib.sha256(secret + payload).hexdigest()


def verify_webhook(body: bytes, received: str, key: bytes) -> bool:
    # expect: weak-hash
    expected = hmac.new(key, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, received)


def legacy_api_signature(params: dict, key: bytes) -> str:
    message = "&".join(f"{k}={v}" for k, v in sorted(params.items())).encode()
    # expect: weak-hash
    return hmac.new(key, message, digestmod="sha256").hexdigest()


def session_id_for(user) -> str:
    # expect: weak-hash
    hasher = hashlib.new("sha256")
    hasher.update(os.urandom(16))
    hasher.update(str(user.pk).encode())
    session_id = hasher.hexdigest()
    return session_id


def api_key_digest(api_key: str) -> str:
    # expect: weak-hash
    return hashlib.new("sha256", api_key.encode()).hexdigest()


def verify_download(data: bytes, published_checksum: str) -> bool:
    # expect: weak-hash
    return hashlib.sha256(data).hexdigest() == published_checksum


class SignedCookie:
    def sign(self, value: str) -> str:
        # expect: weak-hash
        digest = MD5.new(value.encode()).hexdigest()
        return f"{value}.{digest}"


def sign_document(private_key, document: bytes) -> bytes:
    # expect: weak-hash
    return private_key.sign(document, padding.PKCS1v15(), hashes.SHA256())


def hash_user_password(raw: str) -> str:
    # expect: weak-hash
    return md5_crypt.hash(raw)


def file_digest(path: str) -> str:
    # expect: weak-hash
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(65536), b""):
            h.update(chunk)
    return h.hexdigest()


def content_hash(blob: bytes) -> str:
    # expect: weak-hash
    return hashlib.sha256(blob).hexdigest()


def gravatar_url(email: str) -> str:
    # ok: weak-hash
    digest = hashlib.md5(email.strip().lower().encode()).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}"


def etag_for(body: bytes) -> str:
    # ok: weak-hash
    return '"%s"' % hashlib.md5(body).hexdigest()


def cache_key(*parts: str) -> str:
    # ok: weak-hash
    return "view:" + hashlib.md5(":".join(parts).encode()).hexdigest()


def shard_for(user_id: str, shards: int) -> int:
    # ok: weak-hash
    return int(hashlib.md5(user_id.encode()).hexdigest(), 16) % shards


def asset_fingerprint(content: bytes) -> str:
    # ok: weak-hash
    return hashlib.md5(content, usedforsecurity=False).hexdigest()[:12]


def dedupe_rows(rows):
    seen = set()
    for row in rows:
        # ok: weak-hash
        key = hashlib.sha1(repr(row).encode(), usedforsecurity=False).hexdigest()
        if key not in seen:
            seen.add(key)
            yield row


def strong_token_digest(token: str) -> str:
    # ok: weak-hash
    return hashlib.sha256(token.encode()).hexdigest()


def strong_signature(key: bytes, body: bytes) -> str:
    # ok: weak-hash
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def totp_code(secret: bytes, counter: int) -> int:
    # HOTP/TOTP (RFC 4226/6238) mandate HMAC-SHA-1, which remains sound.
    # ok: weak-hash
    mac = hmac.new(secret, counter.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return int.from_bytes(mac[offset:offset + 4], "big") & 0x7FFFFFFF


def encrypt_key(public_key, key: bytes) -> bytes:
    return public_key.encrypt(
        key,
        # ok: weak-hash
        padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA1()), algorithm=hashes.SHA1(), label=None),
    )


def strong_password_check(password: str, salt: bytes) -> bytes:
    # ok: weak-hash
    return hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)


def hash_with(name: str, data: bytes) -> str:
    # ok: weak-hash
    return hashlib.new(name, data).hexdigest()


def pycryptodome_strong(data: bytes) -> str:
    # ok: weak-hash
    return SHA256.new(data).hexdigest()


def cache_filename(url: str) -> str:
    # ok: weak-hash
    return hashlib.md5(url.encode("utf-8")).hexdigest() + ".json"


try:
    # ok: weak-hash
    hashlib.md5()
    MD5_AVAILABLE = True
except ValueError:
    MD5_AVAILABLE = False

SUPPORTED_DIGESTS = {
    # ok: weak-hash
    "md5": hashes.MD5(),
    "sha256": hashes.SHA256(),
}


class CredentialFetcher:
    def _create_cache_key(self, role_arn: str, session_name: str) -> str:
        # ok: weak-hash
        return hashlib.sha1(f"{role_arn}:{session_name}".encode()).hexdigest()


def temporary_component_name(source_name: str) -> str:
    # ok: weak-hash
    return "tmp/" + hashlib.sha1(source_name.encode("utf-8")).hexdigest()


def test_md5_matches_reference():
    # ok: weak-hash
    assert hashlib.md5(b"abc").hexdigest() == "900150983cd24fb0d6963f7d28e17f72"


PASSWORD_HASHERS = [
    # expect: weak-hash
    "django.contrib.auth.hashers.MD5PasswordHasher",
    # ok: weak-hash
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
