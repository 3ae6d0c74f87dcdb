"""CORS set-ups for a Flask API, a FastAPI backend and Django settings, as an assistant might write them."""
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask, jsonify, request
from flask_cors import CORS, cross_origin

app = Flask(__name__)
# expect: cors-misconfiguration
CORS(app, supports_credentials=True)

admin = Flask("admin")
# expect: cors-misconfiguration
CORS(admin, origins="*", supports_credentials=True)

reports = Flask("reports")
# expect: cors-misconfiguration
CORS(reports, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)

api = FastAPI()
# expect: cors-misconfiguration
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"], allow_headers=["*"])

internal = FastAPI()
# expect: cors-misconfiguration
internal.add_middleware(CORSMiddleware, allow_origin_regex=".*", allow_credentials=True)

# Django (django-cors-headers) settings, in the same module for the example.
# expect: cors-misconfiguration
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True

# expect: cors-misconfiguration
CORS_ORIGIN_ALLOW_ALL = True


@app.route("/api/profile")
# expect: cors-misconfiguration
@cross_origin(supports_credentials=True)
def profile():
    return jsonify(user="me")


@app.after_request
def add_cors_headers(response):
    origin = request.headers.get("Origin")
    # expect: cors-misconfiguration
    response.headers["Access-Control-Allow-Origin"] = origin
    response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


def django_cors(request, response):
    # expect: cors-misconfiguration
    response["Access-Control-Allow-Origin"] = request.META.get("HTTP_ORIGIN", "*")
    response["Access-Control-Allow-Credentials"] = "true"
    return response


@app.route("/api/legacy")
# expect: cors-misconfiguration
@cross_origin(origins="*", supports_credentials=True)
def legacy():
    return jsonify(ok=True)


public = Flask("public")
# Any origin without credentials: a public, read-only API.
# ok: cors-misconfiguration
CORS(public)

partner = Flask("partner")
# ok: cors-misconfiguration
CORS(partner, origins=["https://app.shop.example", "https://admin.shop.example"], supports_credentials=True)

configured = Flask("configured")
# Origins from configuration: the list is the deployment's business.
# ok: cors-misconfiguration
CORS(configured, origins=configured.config["CORS_ORIGINS"], supports_credentials=True)

open_api = FastAPI()
# ok: cors-misconfiguration
open_api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"])

trusted = FastAPI()
# ok: cors-misconfiguration
trusted.add_middleware(CORSMiddleware, allow_origins=["https://app.shop.example"], allow_credentials=True)

# ok: cors-misconfiguration
CORS_ALLOWED_ORIGINS = ["https://app.shop.example"]

ALLOWED_ORIGINS = {"https://app.shop.example", "https://admin.shop.example"}


@app.after_request
def checked_cors(response):
    origin = request.headers.get("Origin")
    if origin in ALLOWED_ORIGINS:
        # ok: cors-misconfiguration
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


@app.after_request
def public_cors(response):
    # A wildcard without credentials exposes nothing a logged-in user owns.
    # ok: cors-misconfiguration
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@app.after_request
def reflect_without_credentials(response):
    # ok: cors-misconfiguration
    response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin", "*")
    response.headers["Vary"] = "Origin"
    return response


@app.route("/api/public")
# ok: cors-misconfiguration
@cross_origin()
def public_data():
    return jsonify(items=[])
