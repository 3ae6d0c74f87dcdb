# Blind set: open redirect shapes from PyPI advisories (login ?next=, logout, OAuth callbacks), with their fixes.
from aiohttp import web
from urllib.parse import urlparse

from django.http import HttpResponseRedirect
from django.shortcuts import redirect as django_redirect
from django.utils.http import url_has_allowed_host_and_scheme
from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from flask import Flask, redirect, request, url_for

app = Flask(__name__)
api = FastAPI()


@app.route("/login", methods=["POST"])
def login():
    next_url = request.args.get("next", "/")
    # expect: open-redirect
    return redirect(next_url)


@app.route("/login-fixed", methods=["POST"])
def login_fixed():
    next_url = request.args.get("next", "/")
    if urlparse(next_url).netloc:
        next_url = url_for("index")
    # ok: open-redirect
    return redirect(next_url)


@app.route("/logout")
def logout():
    # expect: open-redirect
    return redirect(request.referrer or "/")


def django_login(request):
    target = request.GET.get("next")
    # expect: open-redirect
    return HttpResponseRedirect(target)


def django_login_fixed(request):
    target = request.GET.get("next")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    # ok: open-redirect
    return HttpResponseRedirect(target)


def set_language(request):
    # expect: open-redirect
    return django_redirect(request.POST.get("return_to", "/"))


@api.get("/oauth/callback")
async def oauth_callback(state: str, return_url: str):
    # expect: open-redirect
    return RedirectResponse(url=return_url)


@api.get("/oauth/callback-fixed")
async def oauth_callback_fixed(state: str, return_url: str):
    if not return_url.startswith("/") or return_url.startswith("//"):
        return_url = "/"
    # ok: open-redirect
    return RedirectResponse(url=return_url)


@app.route("/go")
def go():
    dest = request.args["url"]
    # expect: open-redirect
    return redirect("https://" + dest)


@app.route("/after-login")
def after_login():
    # expect: open-redirect
    return redirect(request.args.get("next") or url_for("index"))


async def aio_go(request):
    # expect: open-redirect
    raise web.HTTPFound(request.query["to"])


def django_go(request):
    target = request.GET.get("next", "/")
    # expect: open-redirect
    return django_redirect(target)
