# Real-world shapes of open redirects in Python web apps (login "next", logout, language switchers), each beside its fix.
from urllib.parse import urlparse

from django.http import HttpResponseRedirect
from django.shortcuts import redirect as django_redirect
from django.utils.http import url_has_allowed_host_and_scheme
from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)
api = FastAPI()


# Flask login: the classic `next` parameter.
@app.route("/login", methods=["POST"])
def login():
    session["user"] = request.form["username"]
    next_url = request.args.get("next") or url_for("index")
    # expect: open-redirect
    return redirect(next_url)


@app.route("/login-fixed", methods=["POST"])
def login_fixed():
    session["user"] = request.form["username"]
    next_url = request.args.get("next")
    if not next_url or urlparse(next_url).netloc:
        next_url = url_for("index")
    # ok: open-redirect
    return redirect(next_url)


# Django logout with the target in POST data.
def logout_view(request):
    target = request.POST.get("redirect_to", "/")
    # expect: open-redirect
    return HttpResponseRedirect(target)


def logout_view_fixed(request):
    target = request.POST.get("redirect_to", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    # ok: open-redirect
    return HttpResponseRedirect(target)


# Django language switcher reading the Referer header.
def set_language(request):
    back = request.META.get("HTTP_REFERER")
    # expect: open-redirect
    return django_redirect(back)


# FastAPI: a typed query parameter.
@api.get("/sso/callback")
async def sso_callback(return_to: str = "/"):
    # expect: open-redirect
    return RedirectResponse(return_to)


@api.get("/sso/callback-fixed")
async def sso_callback_fixed(return_to: str = "/"):
    if not return_to.startswith("/") or return_to.startswith("//"):
        return_to = "/"
    # ok: open-redirect
    return RedirectResponse(return_to)


# The client controls the host part of a URL.
@app.route("/go")
def go():
    host = request.args["host"]
    # expect: open-redirect
    return redirect("https://" + host + "/welcome")


# Only a path segment from the client after a fixed host: fine.
@app.route("/docs/<page>")
def docs(page):
    # ok: open-redirect
    return redirect(f"https://docs.example.com/{page}")


# Location header set by hand.
@app.route("/out")
def outbound():
    resp = app.make_response(("", 302))
    # expect: open-redirect
    resp.headers["Location"] = request.args["url"]
    return resp


# "Back to where you came from" with the Referer header.
@app.route("/cart/add", methods=["POST"])
def add_to_cart():
    session.setdefault("cart", []).append(request.form["sku"])
    # expect: open-redirect
    return redirect(request.referrer or "/")


# An OAuth callback served by http.server in a CLI tool, forwarding to the `next` parameter.
import http.server
import urllib.parse


class CallbackHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        params = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        self.send_response(302)
        # expect: open-redirect
        self.send_header("Location", params["next"][0])
        self.end_headers()


class CallbackHandlerFixed(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(302)
        # ok: open-redirect
        self.send_header("Location", "/done")
        self.end_headers()
