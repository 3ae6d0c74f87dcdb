"""CORS opened to every origin with credentials in real apps, each followed by its fix."""
import re

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask, request
from flask_cors import CORS

app = Flask(__name__)
# expect: cors-misconfiguration
CORS(app, supports_credentials=True)

# ok: cors-misconfiguration
CORS(app, origins=["https://app.example.com"], supports_credentials=True)

# expect: cors-misconfiguration
CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)

api = FastAPI()
api.add_middleware(
    CORSMiddleware,
    # expect: cors-misconfiguration
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

api.add_middleware(
    CORSMiddleware,
    # ok: cors-misconfiguration
    allow_origins=["https://app.example.com"],
    allow_credentials=True,
)


@app.after_request
def add_cors(response):
    # expect: cors-misconfiguration
    response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin", "*")
    response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


TRUSTED_ORIGIN = re.compile(r"https://([a-z0-9-]+\.)?example\.com")


@app.after_request
def add_cors_fixed(response):
    origin = request.headers.get("Origin", "")
    response.headers["Vary"] = "Origin"
    if TRUSTED_ORIGIN.fullmatch(origin):
        # ok: cors-misconfiguration
        response.headers.update({"Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true"})
    return response


# settings.py (django-cors-headers)
# expect: cors-misconfiguration
CORS_ORIGIN_ALLOW_ALL = True
CORS_ALLOW_CREDENTIALS = True
