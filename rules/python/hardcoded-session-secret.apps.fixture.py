# App factories and settings of vulnerable Flask/Django/FastAPI/aiohttp apps.
import os
import secrets

from aiohttp import web
from aiohttp_session import setup as setup_session
from aiohttp_session.cookie_storage import EncryptedCookieStorage
from fastapi import FastAPI
from flask import Flask
from starlette.middleware.sessions import SessionMiddleware

app = Flask(__name__)
# expect: hardcoded-session-secret
app.secret_key = "super-secret-key"
# expect: hardcoded-session-secret
app.config["SECRET_KEY"] = "dev-key-change-me-in-prod"
# ok: hardcoded-session-secret
app.config["SECRET_KEY"] = os.environ["FLASK_SECRET_KEY"]


def create_app():
    application = Flask(__name__)
    # expect: hardcoded-session-secret
    application.config.update(SECRET_KEY="7d44a1f1c2b9e8", SESSION_COOKIE_NAME="vault")
    return application


def create_app_safe():
    application = Flask(__name__)
    # ok: hardcoded-session-secret
    application.config.update(SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_hex(32))
    return application


api = FastAPI()
# expect: hardcoded-session-secret
api.add_middleware(SessionMiddleware, secret_key="fastapi-session-secret")


def make_aiohttp_app():
    web_app = web.Application()
    # expect: hardcoded-session-secret
    setup_session(web_app, EncryptedCookieStorage(b"Thirty  two  length  bytes  key."))
    return web_app


class Config:
    # expect: hardcoded-session-secret
    SECRET_KEY = "you-will-never-guess"
    # expect: hardcoded-session-secret
    JWT_SECRET_KEY = "jwt-secret-string"


class ProdConfig(Config):
    # ok: hardcoded-session-secret
    SECRET_KEY = os.environ.get("SECRET_KEY")
