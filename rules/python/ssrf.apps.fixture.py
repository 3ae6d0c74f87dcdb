# URL preview / webhook / avatar-import features of a vulnerable app, and a fetch helper library.
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
    url = request.args["url"]
    # expect: ssrf
    r = requests.get(url, timeout=5)
    return r.text[:500]


@app.route("/preview-safe")
def preview_safe():
    url = request.args["url"]
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        abort(400)
    # ok: ssrf
    r = requests.get(url, timeout=5)
    return r.text[:500]


@app.route("/avatar", methods=["POST"])
def import_avatar():
    image_url = request.json.get("image_url")
    # expect: ssrf
    data = urllib.request.urlopen(image_url).read()
    return {"size": len(data)}


@app.route("/webhook/test", methods=["POST"])
def test_webhook():
    hook = request.form["callback"]
    # expect: ssrf
    requests.post(hook, json={"event": "ping"})
    return "sent"


@api.get("/proxy")
async def proxy(target: str):
    async with httpx.AsyncClient() as client:
        # expect: ssrf
        resp = await client.get(target)
    return {"status": resp.status_code}


@api.get("/proxy-safe")
async def proxy_safe(target: str):
    if urlparse(target).hostname not in ALLOWED_HOSTS:
        return {"error": "host not allowed"}
    async with httpx.AsyncClient() as client:
        # ok: ssrf
        resp = await client.get(target)
    return {"status": resp.status_code}


async def fetch_feed(request: web.Request):
    feed = request.query["feed"]
    async with ClientSession() as session:
        # expect: ssrf
        async with session.get(feed) as resp:
            return web.Response(text=await resp.text())


@app.route("/weather")
def weather():
    city = request.args["city"]
    # ok: ssrf
    r = requests.get("https://api.weather.example.com/v1/current", params={"city": city})
    return r.json()


@app.route("/stock")
def stock():
    server = request.args.get("server")
    # expect: ssrf
    r = requests.get(f"http://{server}/api/stock?id=1")
    return r.text


# ---- library ----

def _is_public(host):
    for info in socket.getaddrinfo(host, None):
        if not ipaddress.ip_address(info[4][0]).is_global:
            return False
    return True


def download_remote(url, dest):
    # todo-expect: ssrf
    with requests.get(url, stream=True) as r, open(dest, "wb") as fh:
        for chunk in r.iter_content(8192):
            fh.write(chunk)


def download_remote_safe(url, dest):
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not _is_public(parsed.hostname):
        raise ValueError("refusing to fetch internal address")
    # ok: ssrf
    with requests.get(url, stream=True, allow_redirects=False) as r, open(dest, "wb") as fh:
        for chunk in r.iter_content(8192):
            fh.write(chunk)
