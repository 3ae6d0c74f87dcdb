# Blind set: session cookies without HttpOnly/Secure/SameSite (Flask, Django settings, FastAPI, aiohttp), with fixes.
from fastapi import Response
from flask import Flask, make_response

app = Flask(__name__)

# expect: insecure-cookie
SESSION_COOKIE_SECURE = False
# ok: insecure-cookie
SESSION_COOKIE_SECURE = True

# expect: insecure-cookie
SESSION_COOKIE_HTTPONLY = False

# expect: insecure-cookie
app.config["SESSION_COOKIE_SECURE"] = False


@app.route("/login", methods=["POST"])
def login():
    resp = make_response("ok")
    # expect: insecure-cookie
    resp.set_cookie("session_id", new_session())
    return resp


@app.route("/login-fixed", methods=["POST"])
def login_fixed():
    resp = make_response("ok")
    # ok: insecure-cookie
    resp.set_cookie("session_id", new_session(), secure=True, httponly=True, samesite="Lax")
    return resp


def api_login(response: Response, token: str):
    # expect: insecure-cookie
    response.set_cookie(key="access_token", value=token, httponly=False)
    return {"ok": True}


def api_login_fixed(response: Response, token: str):
    # ok: insecure-cookie
    response.set_cookie(key="access_token", value=token, httponly=True, secure=True, samesite="strict")
    return {"ok": True}


def remember_me(resp, token):
    # expect: insecure-cookie
    resp.set_cookie("auth_token", token, max_age=30 * 86400, secure=False)


def new_session():
    return "x"
