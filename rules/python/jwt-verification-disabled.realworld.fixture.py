"""JWTs accepted without verification in real APIs, each followed by its fix."""
import os

import jwt
from jose import jwt as jose_jwt
from flask import request

SECRET = os.environ["JWT_SECRET"]


def current_user():
    token = request.headers["Authorization"].split()[1]
    # expect: jwt-verification-disabled
    payload = jwt.decode(token, verify=False)
    return payload["sub"]


def current_user_fixed():
    token = request.headers["Authorization"].split()[1]
    # ok: jwt-verification-disabled
    payload = jwt.decode(token, SECRET, algorithms=["HS256"])
    return payload["sub"]


def user_from_token(token):
    # expect: jwt-verification-disabled
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["user_id"]


def user_from_token_old(token):
    # expect: jwt-verification-disabled
    claims = jwt.decode(token, SECRET)
    return claims["user_id"]


def verify_id_token(token, key):
    # expect: jwt-verification-disabled
    return jose_jwt.decode(token, key, options={"verify_signature": False})


def verify_id_token_fixed(token, key):
    # ok: jwt-verification-disabled
    return jose_jwt.decode(token, key, algorithms=["RS256"], audience="my-app")


def get_claims(token):
    # expect: jwt-verification-disabled
    return jwt.decode(token, SECRET, algorithms=["HS256", "none"])


def peek_header(token):
    # ok: jwt-verification-disabled
    return jwt.get_unverified_header(token)["kid"]


def expired_ok(token):
    # expect: jwt-verification-disabled
    return jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False})


def sign(payload):
    # expect: jwt-verification-disabled
    return jwt.encode(payload, None, algorithm="none")


def verify_service_token(token, public_key):
    # expect: jwt-verification-disabled
    return jwt.decode(token, public_key, algorithms=["HS256", "RS256"])


def verify_service_token_fixed(token, public_key):
    # ok: jwt-verification-disabled
    return jwt.decode(token, public_key, algorithms=["RS256"])
