"""Session and signing secrets hard-coded in real Flask/Django/FastAPI apps, each followed by its fix."""
import os
import secrets

import jwt
from flask import Flask
from itsdangerous import URLSafeTimedSerializer
from starlette.middleware.sessions import SessionMiddleware
from fastapi import FastAPI

app = Flask(__name__)
# expect: hardcoded-session-secret
app.secret_key = "super secret key"
# ok: hardcoded-session-secret
app.secret_key = os.environ["FLASK_SECRET_KEY"]

# expect: hardcoded-session-secret
app.config["SECRET_KEY"] = "you-will-never-guess"
# ok: hardcoded-session-secret
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY") or secrets.token_hex(32)

app.config.update(
    # expect: hardcoded-session-secret
    SECRET_KEY="8f42a73054b1749f8f58848be5e6502c",
    SESSION_COOKIE_SECURE=True,
)


class Config:
    # expect: hardcoded-session-secret
    SECRET_KEY = os.environ.get("SECRET_KEY") or "hard to guess string"


class ConfigFixed:
    # ok: hardcoded-session-secret
    SECRET_KEY = os.environ["SECRET_KEY"]


api = FastAPI()
# expect: hardcoded-session-secret
api.add_middleware(SessionMiddleware, secret_key="some-random-string")
# ok: hardcoded-session-secret
api.add_middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"])

# expect: hardcoded-session-secret
serializer = URLSafeTimedSerializer("my-precious")
# ok: hardcoded-session-secret
serializer_fixed = URLSafeTimedSerializer(app.config["SECRET_KEY"])

# expect: hardcoded-session-secret
JWT_SECRET_KEY = "jwt-secret-string"


def issue_token(user_id):
    # expect: hardcoded-secret
    return jwt.encode({"sub": user_id}, "secret", algorithm="HS256")


def issue_token_fixed(user_id):
    # ok: hardcoded-session-secret
    return jwt.encode({"sub": user_id}, os.environ["JWT_SECRET"], algorithm="HS256")


class ProductionConfig:
    # expect: hardcoded-session-secret
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-secret-key-change-me")
