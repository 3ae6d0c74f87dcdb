"""Login flows that set session cookies in Flask, Django and FastAPI, as an assistant might write them."""
from django.http import HttpResponse, JsonResponse
from fastapi import FastAPI, Response
from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
api = FastAPI()

# expect: insecure-cookie
app.config["SESSION_COOKIE_HTTPONLY"] = True
# expect: insecure-cookie
app.config.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_HTTPONLY=True)
# ok: insecure-cookie
app.config["SESSION_COOKIE_SAMESITE"] = "Lax"

# Django settings, in the same module for the example.
# expect: insecure-cookie
SESSION_COOKIE_HTTPONLY = True
# expect: insecure-cookie
CSRF_COOKIE_SECURE = True
# ok: insecure-cookie
SESSION_COOKIE_SECURE = True
# ok: insecure-cookie
SESSION_COOKIE_AGE = 1209600


@app.route("/login", methods=["POST"])
def login():
    token = authenticate(request.form["email"], request.form["password"])
    response = make_response(jsonify(ok=True))
    # expect: insecure-cookie
    response.set_cookie("session_token", token, httponly=True, secure=True, samesite="Lax")
    return response


@app.route("/remember", methods=["POST"])
def remember():
    response = make_response(jsonify(ok=True))
    # expect: insecure-cookie
    response.set_cookie("remember_token", request.form["token"], httponly=True, max_age=2592000, secure=True, samesite="Lax")
    return response


@app.route("/sso", methods=["POST"])
def sso():
    jwt_value = exchange(request.form["code"])
    response = make_response("", 204)
    # expect: insecure-cookie
    response.set_cookie("auth", jwt_value, secure=True, httponly=True, samesite="Lax")
    return response


def django_login(request):
    response = JsonResponse({"ok": True})
    # expect: insecure-cookie
    response.set_cookie("sessionid", request.session.session_key, secure=True, httponly=True, samesite="Lax")
    return response


@api.post("/token")
def issue_token(response: Response):
    access_token = create_access_token()
    # expect: insecure-cookie
    response.set_cookie(key="access_token", value=f"Bearer {access_token}", httponly=True, secure=True, samesite="Lax")
    return {"ok": True}


def set_jwt(response: HttpResponse, value: str) -> HttpResponse:
    # expect: insecure-cookie
    response.set_cookie("jwt", value, httponly=True, secure=True, samesite="Strict")
    return response


@app.route("/login-safe", methods=["POST"])
def login_safe():
    token = authenticate(request.form["email"], request.form["password"])
    response = make_response(jsonify(ok=True))
    # ok: insecure-cookie
    response.set_cookie("session_token", token, httponly=True, secure=True, samesite="Lax")
    return response


@app.route("/theme", methods=["POST"])
def set_theme():
    response = make_response("", 204)
    # A display preference is meant to be read by the page's scripts.
    # ok: insecure-cookie
    response.set_cookie("theme", request.form["theme"], max_age=31536000)
    return response


@app.route("/consent", methods=["POST"])
def consent():
    response = make_response("", 204)
    # ok: insecure-cookie
    response.set_cookie("cookie_consent", "yes")
    return response


@app.route("/logout", methods=["POST"])
def logout():
    response = make_response("", 204)
    # Clearing the cookie sends an empty, expired value.
    # ok: insecure-cookie
    response.set_cookie("session_token", "", expires=0)
    # ok: insecure-cookie
    response.delete_cookie("session_token")
    return response


def csrf_cookie(response: HttpResponse, token: str) -> HttpResponse:
    # A double-submit CSRF cookie must be readable by the page's script.
    # ok: insecure-cookie
    response.set_cookie("csrftoken", token, secure=True, samesite="Strict")
    return response


def with_settings(response: Response, settings, token: str) -> Response:
    # Flags taken from configuration are the configuration's business.
    # ok: insecure-cookie
    response.set_cookie("session", token, httponly=settings.COOKIE_HTTPONLY, secure=settings.COOKIE_SECURE)
    return response


def language(response: Response, lang: str) -> Response:
    # ok: insecure-cookie
    response.set_cookie(key="lang", value=lang)
    return response


def authenticate(email, password):
    return "t"


def exchange(code):
    return "j"


def create_access_token():
    return "a"
