# Blind set: JWTs accepted without verification (PyJWT, python-jose), with their fixes.
import jwt
from jose import jwt as jose_jwt

SECRET = None


def get_user_id(token):
    # expect: jwt-verification-disabled
    payload = jwt.decode(token, options={"verify_signature": False})
    return payload["sub"]


def get_user_id_fixed(token, key):
    # ok: jwt-verification-disabled
    payload = jwt.decode(token, key, algorithms=["HS256"])
    return payload["sub"]


def legacy_decode(token, key):
    # expect: jwt-verification-disabled
    return jwt.decode(token, key, verify=False)


def decode_any_alg(token, public_key):
    # expect: jwt-verification-disabled
    return jwt.decode(token, public_key, algorithms=["HS256", "RS256", "none"])


def decode_any_alg_fixed(token, public_key):
    # ok: jwt-verification-disabled
    return jwt.decode(token, public_key, algorithms=["RS256"])


def jose_claims(token):
    # expect: jwt-verification-disabled
    return jose_jwt.get_unverified_claims(token)


def jose_decode(token, key):
    # expect: jwt-verification-disabled
    return jose_jwt.decode(token, key, options={"verify_signature": False})


def make_token(claims):
    # expect: jwt-verification-disabled
    return jwt.encode(claims, None, algorithm="none")
