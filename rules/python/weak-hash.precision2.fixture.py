# A client answering an authentication challenge must hash with the algorithm the server's challenge names; when the
# code dispatches on that name and supports stronger ones too, the MD5 branch is the protocol's choice, not a defect
# of the line. MD5 picked by the code itself for an authentication value is still reported.
import hashlib


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

