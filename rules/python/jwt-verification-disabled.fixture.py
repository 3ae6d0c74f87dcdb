"""Token handling for an API gateway, as an assistant might write it with PyJWT and python-jose."""
import os

import jwt
from fastapi import Depends, HTTPException, Request
from jose import jwt as jose_jwt

SECRET_KEY = os.environ["JWT_SECRET"]
PUBLIC_KEY = open("keys/public.pem").read()
ALGORITHM = "HS256"


def current_user(request: Request) -> dict:
    token = request.headers["Authorization"].removeprefix("Bearer ")
    # expect: jwt-verification-disabled
    payload = jwt.decode(token, options={"verify_signature": False})
    return {"id": payload["sub"], "role": payload["role"]}


def legacy_claims(token: str) -> dict:
    # PyJWT 1.x style: verification switched off by a flag.
    # expect: jwt-verification-disabled
    return jwt.decode(token, SECRET_KEY, verify=False)


def accept_any_algorithm(token: str) -> dict:
    # expect: jwt-verification-disabled
    return jwt.decode(token, PUBLIC_KEY)


def allow_none(token: str) -> dict:
    # expect: jwt-verification-disabled
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256", "none"])


def issue_unsigned(user_id: int) -> str:
    # expect: jwt-verification-disabled
    return jwt.encode({"sub": str(user_id)}, None, algorithm="none")


def user_from_jose(token: str) -> str:
    # expect: jwt-verification-disabled
    claims = jose_jwt.get_unverified_claims(token)
    return claims["sub"]


def jose_skip_signature(token: str) -> dict:
    # expect: jwt-verification-disabled
    return jose_jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM], options={"verify_signature": False})


def no_expiry_check(token: str) -> dict:
    # expect: jwt-verification-disabled
    return jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM], options={"verify_exp": False})


def jose_any_algorithm(token: str) -> dict:
    # expect: jwt-verification-disabled
    return jose_jwt.decode(token, SECRET_KEY)


OPTIONS = {"verify_signature": False}


def claims_with_shared_options(token: str) -> dict:
    # expect: jwt-verification-disabled
    return jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM], options=OPTIONS)


def verified_user(token: str) -> dict:
    try:
        # ok: jwt-verification-disabled
        return jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])
    except jwt.InvalidTokenError:
        raise HTTPException(status_code=401)


def verified_rs256(token: str) -> dict:
    # ok: jwt-verification-disabled
    return jwt.decode(token, PUBLIC_KEY, algorithms=["RS256"], audience="api")


def pick_key(token: str, jwks) -> dict:
    # Reading the header to choose a key, then verifying with it, is the JWKS pattern.
    # ok: jwt-verification-disabled
    header = jwt.get_unverified_header(token)
    key = jwks.get_signing_key(header["kid"]).key
    # ok: jwt-verification-disabled
    return jwt.decode(token, key, algorithms=["RS256"])


def route_by_issuer(token: str, keys: dict) -> dict:
    # Unverified claims only pick the issuer's key; the same function verifies with it.
    # ok: jwt-verification-disabled
    unverified = jwt.decode(token, options={"verify_signature": False})
    key = keys[unverified["iss"]]
    # ok: jwt-verification-disabled
    return jwt.decode(token, key, algorithms=["RS256"], issuer=unverified["iss"])


def sign(user_id: int) -> str:
    # ok: jwt-verification-disabled
    return jwt.encode({"sub": str(user_id)}, SECRET_KEY, algorithm=ALGORITHM)


def jose_verified(token: str) -> dict:
    # ok: jwt-verification-disabled
    return jose_jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])


def decode_base64(data: str) -> bytes:
    import base64
    # A decode that has nothing to do with tokens.
    # ok: jwt-verification-disabled
    return base64.urlsafe_b64decode(data + "==")


def skip_audience(token: str) -> dict:
    # The signature is still checked; only the audience claim is not.
    # ok: jwt-verification-disabled
    return jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM], options={"verify_aud": False})


def test_expired_tokens_rejected():
    # ok: jwt-verification-disabled
    claims = jwt.decode(sign(1), options={"verify_signature": False})
    assert claims["sub"] == "1"


def get_user(token: str = Depends(current_user)):
    return token
