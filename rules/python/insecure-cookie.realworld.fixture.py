"""Session cookies without their flags in real Flask/Django apps, each followed by its fix."""
from flask import Flask, make_response, redirect
from django.http import HttpResponse

app = Flask(__name__)
# expect: insecure-cookie
app.config["SESSION_COOKIE_SECURE"] = False
# expect: insecure-cookie
app.config["SESSION_COOKIE_HTTPONLY"] = False
# ok: insecure-cookie
app.config["SESSION_COOKIE_SECURE"] = True

app.config.update(
    # expect: insecure-cookie
    SESSION_COOKIE_SAMESITE=None,
    # ok: insecure-cookie
    SESSION_COOKIE_HTTPONLY=True,
)


@app.route("/login", methods=["POST"])
def login():
    token = create_session()
    resp = make_response(redirect("/"))
    # expect: insecure-cookie
    resp.set_cookie("session_id", token)
    return resp


@app.route("/login2", methods=["POST"])
def login_fixed():
    token = create_session()
    resp = make_response(redirect("/"))
    # ok: insecure-cookie
    resp.set_cookie("session_id", token, secure=True, httponly=True, samesite="Lax")
    return resp


@app.route("/remember", methods=["POST"])
def remember():
    resp = make_response("ok")
    # expect: insecure-cookie
    resp.set_cookie("auth_token", create_session(), httponly=False, secure=True)
    return resp


def django_login(request):
    response = HttpResponse("ok")
    # expect: insecure-cookie
    response.set_cookie("sessionid", request.session.session_key, secure=False)
    return response


def theme(request):
    response = HttpResponse("ok")
    # ok: insecure-cookie
    response.set_cookie("theme", "dark")
    return response


def create_session():
    return "x"
