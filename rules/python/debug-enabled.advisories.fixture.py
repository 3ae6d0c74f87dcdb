# Blind set: debug mode left on (Flask, Django settings, FastAPI/Starlette, aiohttp), with their fixes.
import os

from fastapi import FastAPI
from flask import Flask

app = Flask(__name__)

# expect: debug-enabled
DEBUG = True
# ok: debug-enabled
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"

# expect: debug-enabled
app.config["DEBUG"] = True

# expect: debug-enabled
api = FastAPI(debug=True)
# ok: debug-enabled
api_fixed = FastAPI(debug=False)


def main():
    # expect: debug-enabled
    app.run(host="0.0.0.0", port=5000, debug=True)


def main_fixed():
    # ok: debug-enabled
    app.run(host="0.0.0.0", port=5000, debug=os.environ.get("FLASK_DEBUG") == "1")


if __name__ == "__main__":
    # expect: debug-enabled
    app.run(debug=True)
