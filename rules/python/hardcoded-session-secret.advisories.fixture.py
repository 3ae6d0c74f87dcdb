# Blind set: hard-coded session/cookie-signing secrets (Flask, Django, FastAPI, aiohttp), with their fixes.
import os

from aiohttp import web
from aiohttp_session import setup
from aiohttp_session.cookie_storage import EncryptedCookieStorage
from fastapi import FastAPI
from flask import Flask
from starlette.middleware.sessions import SessionMiddleware

app = Flask(__name__)
# expect: hardcoded-session-secret
app.secret_key = "super-secret-key-change-me"
# ok: hardcoded-session-secret
app.secret_key = os.environ["FLASK_SECRET_KEY"]

# expect: hardcoded-session-secret
app.config["SECRET_KEY"] = "9f8e7d6c5b4a3928170615243342516"

# expect: hardcoded-session-secret
app.config.update(SECRET_KEY="dev", SESSION_COOKIE_NAME="sid")

# ok: hardcoded-session-secret
app.config.update(SECRET_KEY=os.urandom(32), SESSION_COOKIE_NAME="sid")


class Config:
    # expect: hardcoded-session-secret
    SECRET_KEY = "hard to guess string"


class ProdConfig:
    # ok: hardcoded-session-secret
    SECRET_KEY = os.environ.get("SECRET_KEY")


api = FastAPI()
# expect: hardcoded-session-secret
api.add_middleware(SessionMiddleware, secret_key="some-random-string")
# ok: hardcoded-session-secret
api.add_middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"])


def make_app():
    aio = web.Application()
    # expect: hardcoded-session-secret
    setup(aio, EncryptedCookieStorage(b"Thirty  two  length  bytes  key."))
    return aio
