# Blind set: SSRF shapes from PyPI advisories (webhooks, URL previews, image fetchers, proxies), with their fixes.
import ipaddress
import socket
import urllib.request
from urllib.parse import urlparse

import httpx
import requests
from aiohttp import ClientSession, web
from fastapi import FastAPI
from flask import Flask, abort, request

app = Flask(__name__)
api = FastAPI()
ALLOWED_HOSTS = {"images.example.com", "cdn.example.com"}


@app.route("/preview")
def preview():
    url = request.args.get("url")
    # expect: ssrf
    resp = requests.get(url, timeout=5)
    return resp.text


@app.route("/preview-fixed")
def preview_fixed():
    url = request.args.get("url")
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        abort(400)
    # ok: ssrf
    resp = requests.get(url, timeout=5)
    return resp.text


@app.route("/fetch-image", methods=["POST"])
def fetch_image():
    image_url = request.json["image_url"]
    # expect: ssrf
    data = urllib.request.urlopen(image_url).read()
    return data


@api.get("/proxy")
async def proxy(target: str):
    async with httpx.AsyncClient() as client:
        # expect: ssrf
        r = await client.get(target)
    return r.text


@api.get("/proxy-fixed")
async def proxy_fixed(target: str):
    if urlparse(target).hostname not in ALLOWED_HOSTS:
        return {"error": "host not allowed"}
    async with httpx.AsyncClient() as client:
        # ok: ssrf
        r = await client.get(target)
    return r.text


async def aio_fetch(request: web.Request):
    url = request.query["url"]
    async with ClientSession() as session:
        # expect: ssrf
        async with session.get(url) as resp:
            return web.Response(text=await resp.text())


@app.route("/webhook/test", methods=["POST"])
def ping_webhook():
    hook = request.form["callback"]
    # expect: ssrf
    requests.post(hook, json={"ping": True})
    return "sent"


def is_public(hostname):
    addr = ipaddress.ip_address(socket.gethostbyname(hostname))
    return not (addr.is_private or addr.is_loopback or addr.is_link_local)


@app.route("/webhook/test-fixed", methods=["POST"])
def ping_webhook_fixed():
    hook = request.form["callback"]
    if not is_public(urlparse(hook).hostname):
        abort(400)
    # ok: ssrf
    requests.post(hook, json={"ping": True})
    return "sent"


@app.route("/avatar")
def avatar():
    host = request.args.get("host")
    # expect: ssrf
    return requests.get(f"http://{host}/avatar.png").content


@app.route("/avatar-fixed")
def avatar_fixed():
    user = request.args.get("user")
    # ok: ssrf
    return requests.get(f"https://avatars.example.com/{user}.png").content


def django_feed(request):
    feed_url = request.GET["feed"]
    # expect: ssrf
    body = requests.get(feed_url, timeout=10).text
    return body


@app.route("/api/import", methods=["POST"])
def import_remote():
    base = request.json["server"]
    # expect: ssrf
    resp = requests.get(base + "/api/v1/export")
    return resp.json()


@app.route("/api/import-fixed", methods=["POST"])
def import_remote_fixed():
    server_id = request.json["server"]
    base = {"eu": "https://eu.example.com", "us": "https://us.example.com"}[server_id]
    # ok: ssrf
    resp = requests.get(base + "/api/v1/export")
    return resp.json()
