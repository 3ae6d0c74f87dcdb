# Login responses and session config of vulnerable Flask/Django apps.
from flask import Flask, make_response, request

app = Flask(__name__)
# expect: insecure-cookie
app.config["SESSION_COOKIE_HTTPONLY"] = False
# expect: insecure-cookie
app.config.update(SESSION_COOKIE_SECURE=False, SESSION_COOKIE_SAMESITE=None)


@app.route("/login", methods=["POST"])
def login():
    token = authenticate(request.form["user"], request.form["password"])
    resp = make_response("welcome")
    # expect: insecure-cookie
    resp.set_cookie("session_token", token)
    return resp


@app.route("/login-safe", methods=["POST"])
def login_safe():
    token = authenticate(request.form["user"], request.form["password"])
    resp = make_response("welcome")
    # ok: insecure-cookie
    resp.set_cookie("session_token", token, httponly=True, secure=True, samesite="Lax")
    return resp


@app.route("/remember", methods=["POST"])
def remember():
    resp = make_response("ok")
    # expect: insecure-cookie
    resp.set_cookie("auth", authenticate("a", "b"), httponly=False, secure=False)
    return resp


@app.route("/theme")
def theme():
    resp = make_response("ok")
    # ok: insecure-cookie
    resp.set_cookie("theme", request.args.get("t", "light"))
    return resp


def authenticate(user, password):
    return "t"


# Django settings
# expect: insecure-cookie
SESSION_COOKIE_SECURE = False
# ok: insecure-cookie
CSRF_COOKIE_HTTPONLY = False
# expect: insecure-cookie
SESSION_COOKIE_HTTPONLY = False
