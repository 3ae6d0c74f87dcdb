# A client answering an authentication challenge must hash with the algorithm the server's challenge names; when the
# code dispatches on that name and supports stronger ones too, the MD5 branch is the protocol's choice, not a defect
# of the line. A client nonce only needs to be unpredictable and unique, so a weak hash mixing random input into one
# weakens nothing. An MD5 field kept beside a SHA-256 of the same data protects nothing the SHA-256 does not. MD5
# picked by the code itself for an authentication value is still reported.
import hashlib
import os
import time


def challenge_hasher(challenge):
    algorithm = challenge.get("algorithm", "MD5").upper()
    if algorithm == "MD5" or algorithm == "MD5-SESS":

        def digest(text):
            # ok: weak-hash
            return hashlib.md5(text.encode()).hexdigest()

    elif algorithm in ("SHA", "SHA-1"):

        def digest(text):
            # ok: weak-hash
            return hashlib.sha1(text.encode()).hexdigest()

    elif algorithm == "SHA-256":

        def digest(text):
            return hashlib.sha256(text.encode()).hexdigest()

    else:
        raise ValueError(f"unsupported algorithm {algorithm}")
    return digest


def api_signature(secret, body, legacy):
    if legacy:
        # expect: weak-hash
        return hashlib.md5((secret + body).encode()).hexdigest()
    return hashlib.sha256((secret + body).encode()).hexdigest()



class ChallengeClient:
    def __init__(self):
        self.counter = 0

    def next_cnonce(self, server_nonce):
        self.counter += 1
        seed = f"{self.counter}:{server_nonce}:{time.time()}".encode() + os.urandom(8)
        # ok: weak-hash
        cnonce = hashlib.sha1(seed).hexdigest()[:16]
        return cnonce


def make_request_nonce():
    # ok: weak-hash
    mixed = hashlib.md5(os.urandom(16) + str(time.time()).encode())
    return mixed.hexdigest()


def sign_with_nonce(secret, nonce):
    # expect: weak-hash
    return hashlib.md5(f"{secret}:{nonce}".encode()).hexdigest()


def upload_form(package_bytes, name):
    # MD5 kept for an old index beside the SHA-256 that protects the upload.
    # ok: weak-hash
    legacy_digest = hashlib.md5(package_bytes).hexdigest()
    return {"name": name, "md5_digest": legacy_digest, "sha256_digest": hashlib.sha256(package_bytes).hexdigest()}


def release_manifest(package_bytes, signing_key):
    # expect: weak-hash
    signature = hashlib.md5(signing_key + package_bytes).hexdigest()
    return {"signature": signature, "sha256_digest": hashlib.sha256(package_bytes).hexdigest()}
