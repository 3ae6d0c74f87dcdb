"""App setup for a Flask dashboard, a FastAPI backend and Django settings, as an assistant might write them."""
import os
import secrets

from fastapi import FastAPI
from flask import Flask
from starlette.middleware.sessions import SessionMiddleware

app = Flask(__name__)
# expect: hardcoded-session-secret
# ok: hardcoded-secret
app.secret_key = "super-secret-key"
# expect: hardcoded-session-secret
# ok: hardcoded-secret
app.config["SECRET_KEY"] = "dev"
# expect: hardcoded-session-secret
# ok: hardcoded-secret
app.config.update(SECRET_KEY="a8f5f167f44f4964e6c998dee827110c", SESSION_TYPE="filesystem")
# expect: hardcoded-session-secret
# ok: hardcoded-secret
app.config["JWT_SECRET_KEY"] = "change-me-in-production"
# expect: hardcoded-session-secret
# ok: hardcoded-secret
app.config["SECURITY_PASSWORD_SALT"] = "my-precious-salt"

api = FastAPI()
# expect: hardcoded-session-secret
# ok: hardcoded-secret
api.add_middleware(SessionMiddleware, secret_key="please-change-this")

# Django settings, in the same module for the example.
# SECURITY WARNING: keep the secret key used in production secret!
# expect: hardcoded-session-secret
# ok: hardcoded-secret
SECRET_KEY = "django-insecure-7x#q!w$z%2m^v@k3l9p&r0t*y(u)i_o+e=n8b-c6d4f1g5h"


class Config:
    # expect: hardcoded-session-secret
    # ok: hardcoded-secret
    SECRET_KEY = os.environ.get("SECRET_KEY") or "hard to guess string"
    SQLALCHEMY_TRACK_MODIFICATIONS = False


class ProductionConfig(Config):
    # expect: hardcoded-session-secret
    # ok: hardcoded-secret
    SECRET_KEY = "prod-7d2f0c9a1b8e4f63"


def create_app() -> Flask:
    application = Flask(__name__)
    # expect: hardcoded-session-secret
    # ok: hardcoded-secret
    application.config.from_mapping(SECRET_KEY="dev", DATABASE="instance/app.sqlite")
    return application


# ok: hardcoded-session-secret
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# ok: hardcoded-session-secret
app.secret_key = secrets.token_hex(32)
# ok: hardcoded-session-secret
app.config["SESSION_COOKIE_NAME"] = "dashboard_session"
# ok: hardcoded-session-secret
app.config["SECRET_KEY_FALLBACKS"] = [os.environ["OLD_SECRET_KEY"]]

# ok: hardcoded-session-secret
api.add_middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"])


class DevelopmentConfig(Config):
    # Development settings are never deployed; the finding belongs on the shared Config.
    # ok: hardcoded-session-secret
    # expect: hardcoded-secret
    SECRET_KEY = "dev"


class TestingConfig(Config):
    TESTING = True
    # ok: hardcoded-session-secret
    SECRET_KEY = "test"


def secret_key_from_file(path: str) -> str:
    with open(path) as handle:
        # ok: hardcoded-session-secret
        secret_key = handle.read().strip()
    return secret_key


# The name of the setting, not its value.
# ok: hardcoded-session-secret
SECRET_KEY_SETTING = "SECRET_KEY"

# ok: hardcoded-session-secret
SECRET_KEY_LENGTH = 50


class SharedConfigProvider:
    # The key to look up in ~/.aws/credentials, not the secret.
    # ok: hardcoded-session-secret
    SECRET_KEY = "aws_secret_access_key"


class EnvironmentProvider:
    # The environment variable to read, not the secret.
    # ok: hardcoded-session-secret
    SECRET_KEY = "AWS_SECRET_ACCESS_KEY"


def test_client():
    test_app = Flask(__name__)
    # ok: hardcoded-session-secret
    test_app.config["SECRET_KEY"] = "testing"
    return test_app.test_client()
