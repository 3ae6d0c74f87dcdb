# Login/logout flows of a vulnerable app (Flask, Django, FastAPI).
from urllib.parse import urlparse

from django.http import HttpResponseRedirect
from django.shortcuts import redirect as dj_redirect
from django.utils.http import url_has_allowed_host_and_scheme
from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from flask import Flask, redirect, request, url_for

app = Flask(__name__)
api = FastAPI()


@app.route("/signin", methods=["GET", "POST"])
def signin():
    next_url = request.values.get("next") or "/"
    # expect: open-redirect
    return redirect(next_url)


@app.route("/signin-safe", methods=["GET", "POST"])
def signin_safe():
    next_url = request.values.get("next") or "/"
    parsed = urlparse(next_url)
    if parsed.netloc or parsed.scheme:
        next_url = url_for("index")
    # ok: open-redirect
    return redirect(next_url)


@app.route("/out")
def outbound():
    # expect: open-redirect
    return redirect(request.args["to"], code=302)


@app.route("/logout")
def logout():
    target = request.form.get("return_to") or request.referrer
    # expect: open-redirect
    return redirect(target)


def django_login(request):
    redirect_to = request.GET.get("next", "/")
    # expect: open-redirect
    return HttpResponseRedirect(redirect_to)


def django_login_safe(request):
    redirect_to = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(redirect_to, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        redirect_to = "/"
    # ok: open-redirect
    return HttpResponseRedirect(redirect_to)


def django_switch_lang(request):
    back = request.POST.get("back")
    # expect: open-redirect
    return dj_redirect(back)


@api.get("/sso/callback")
async def sso_callback(state: str, return_url: str):
    # expect: open-redirect
    return RedirectResponse(return_url)


@api.get("/sso/callback-safe")
async def sso_callback_safe(state: str, return_url: str):
    if not return_url.startswith("/") or return_url.startswith("//"):
        return_url = "/"
    # ok: open-redirect
    return RedirectResponse(return_url)
