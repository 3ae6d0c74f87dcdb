# CORS setup of vulnerable Flask/FastAPI/Django/aiohttp APIs.
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask, request
from flask_cors import CORS

app = Flask(__name__)
# expect: cors-misconfiguration
CORS(app, origins="*", supports_credentials=True)
# ok: cors-misconfiguration
CORS(app, origins=["https://app.example.com"], supports_credentials=True)

api = FastAPI()
# expect: cors-misconfiguration
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"], allow_headers=["*"])
# ok: cors-misconfiguration
api.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)


@app.after_request
def add_cors(resp):
    origin = request.headers.get("Origin")
    # expect: cors-misconfiguration
    resp.headers["Access-Control-Allow-Origin"] = origin
    resp.headers["Access-Control-Allow-Credentials"] = "true"
    return resp


ALLOWED_ORIGINS = {"https://app.example.com", "https://admin.example.com"}


def add_cors_safe(resp):
    origin = request.headers.get("Origin")
    if origin in ALLOWED_ORIGINS:
        # ok: cors-misconfiguration
        resp.headers["Access-Control-Allow-Origin"] = origin
        resp.headers["Access-Control-Allow-Credentials"] = "true"
    return resp


# Django settings
# expect: cors-misconfiguration
CORS_ORIGIN_ALLOW_ALL = True
CORS_ALLOW_CREDENTIALS = True
