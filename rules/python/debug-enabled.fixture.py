"""Project settings and the app factory of a small service, as an assistant might lay them out in one module."""
import os

import uvicorn
from fastapi import FastAPI
from flask import Flask
from starlette.applications import Starlette
from tornado.web import Application
from werkzeug.debug import DebuggedApplication
from werkzeug.serving import run_simple

# SECURITY WARNING: don't run with debug turned on in production!
# expect: debug-enabled
DEBUG = True

ALLOWED_HOSTS = ["api.shop.example"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "shop"]

# expect: debug-enabled
TEMPLATE_DEBUG = True

# ok: debug-enabled
DEBUG_TOOLBAR = os.environ.get("DEBUG_TOOLBAR") == "1"

# A debug flag for a logger is not the framework's debug mode.
# ok: debug-enabled
LOG_DEBUG = True


class Config:
    SECRET_KEY = os.environ["SECRET_KEY"]
    # ok: debug-enabled
    DEBUG = False


class DevelopmentConfig(Config):
    # ok: debug-enabled
    DEBUG = True


class TestingConfig(Config):
    TESTING = True
    # ok: debug-enabled
    DEBUG = True


class ProductionConfig(Config):
    # expect: debug-enabled
    DEBUG = True


app = Flask(__name__)
# expect: debug-enabled
app.config["DEBUG"] = True
# expect: debug-enabled
app.debug = True
# expect: debug-enabled
app.config.update(DEBUG=True, JSON_SORT_KEYS=False)
# ok: debug-enabled
app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"

# expect: debug-enabled
api = FastAPI(title="Orders", debug=True)
# ok: debug-enabled
docs_api = FastAPI(title="Docs", debug=os.getenv("APP_DEBUG") == "true")

# expect: debug-enabled
starlette_app = Starlette(debug=True, routes=[])

# expect: debug-enabled
tornado_app = Application([], debug=True)

# expect: debug-enabled
wsgi = DebuggedApplication(app, evalex=True)

# A debugger without the console shows tracebacks only to the developer who runs it locally.
# ok: debug-enabled
quiet_wsgi = DebuggedApplication(app, evalex=False)


def serve():
    # expect: debug-enabled
    run_simple("0.0.0.0", 8000, app, use_debugger=True, use_reloader=True)


def serve_production():
    # ok: debug-enabled
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 8080)), debug=False)


def serve_from_env():
    # ok: debug-enabled
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")


def serve_api():
    # Uvicorn's reload is a development convenience, not a debugger.
    # ok: debug-enabled
    uvicorn.run(api, host="127.0.0.1", port=8000, reload=True)


def configure_logging(logger):
    # ok: debug-enabled
    logger.setLevel("DEBUG")
    # ok: debug-enabled
    logger.debug = True


def test_debug_page(client):
    # ok: debug-enabled
    app.config["DEBUG"] = True
    assert client.get("/boom").status_code == 500


if __name__ == "__main__":
    # The Werkzeug debugger on 0.0.0.0 is a remote Python console for anyone on the network.
    # expect: debug-enabled
    app.run(host="0.0.0.0", port=5000, debug=True)
