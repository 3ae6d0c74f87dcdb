# JWT auth helpers of a vulnerable API (PyJWT / python-jose).
import os

import jwt
from flask import Flask, request
from jose import jwt as jose_jwt

app = Flask(__name__)
SECRET = os.environ["JWT_SECRET"]


def current_user():
    token = request.headers["Authorization"].split()[1]
    # expect: jwt-verification-disabled
    payload = jwt.decode(token, options={"verify_signature": False})
    return payload["sub"]


def current_user_safe():
    token = request.headers["Authorization"].split()[1]
    # ok: jwt-verification-disabled
    payload = jwt.decode(token, SECRET, algorithms=["HS256"])
    return payload["sub"]


def legacy_user(token):
    # expect: jwt-verification-disabled
    return jwt.decode(token, SECRET, verify=False)


def any_alg_user(token):
    # expect: jwt-verification-disabled
    return jwt.decode(token, SECRET, algorithms=["HS256", "none"])


def jose_user(token):
    # expect: jwt-verification-disabled
    return jose_jwt.get_unverified_claims(token)["sub"]


def jose_user_safe(token):
    # ok: jwt-verification-disabled
    return jose_jwt.decode(token, SECRET, algorithms=["HS256"])["sub"]


def issue_token(user_id):
    # expect: jwt-verification-disabled
    return jwt.encode({"sub": user_id}, None, algorithm="none")
