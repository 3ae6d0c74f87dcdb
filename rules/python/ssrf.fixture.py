import urllib.request
from urllib.parse import urlparse

import aiohttp
import httpx
import requests
from django.http import JsonResponse
from fastapi import FastAPI
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
api = FastAPI()
ALLOWED_HOSTS = {"images.example.com", "cdn.example.com"}
GITHUB_API = "https://api.github.com"
session = requests.Session()


@app.route("/fetch")
def fetch():
    url = request.args.get("url")
    # expect: ssrf
    response = requests.get(url, timeout=5)
    return response.text


@app.route("/preview", methods=["POST"])
def link_preview():
    target = request.json["link"]
    # expect: ssrf
    with urllib.request.urlopen(target) as page:
        return page.read()[:500]


@app.route("/proxy/<path:host>")
def proxy(host):
    # expect: ssrf
    upstream = requests.post(f"http://{host}/api/v1/ingest", json=request.json)
    return upstream.content


@app.route("/avatar")
def avatar():
    # expect: ssrf
    image = session.get(request.args["avatar_url"], stream=True)
    return image.raw.read()


@api.get("/webhook/test")
async def ping_webhook(callback: str):
    async with httpx.AsyncClient() as client:
        # expect: ssrf
        result = await client.post(callback, json={"ping": True})
    return {"status": result.status_code}


@api.post("/scrape")
async def scrape(page_url: str):
    async with aiohttp.ClientSession() as http:
        # expect: ssrf
        async with http.get(page_url) as resp:
            return await resp.text()


def check_status(request):
    service = request.GET.get("service")
    # expect: ssrf
    reply = requests.get("https://" + service + ".internal.example.com/health")
    return JsonResponse({"ok": reply.ok})


@app.route("/import-feed")
def import_feed():
    feed = request.form.get("feed_url")
    # expect: ssrf
    data = httpx.get(feed, follow_redirects=True).text
    return jsonify(size=len(data))


@app.route("/download-remote")
def download_remote():
    source = request.args.get("src")
    req = urllib.request.Request(source, headers={"User-Agent": "bot"})
    # expect: ssrf
    return urllib.request.urlopen(req).read()


@app.route("/relay")
def relay():
    endpoint = request.args.get("endpoint")
    # expect: ssrf
    return requests.request("GET", endpoint).content


@app.route("/join")
def joined():
    base = request.headers.get("X-Upstream")
    # expect: ssrf
    return requests.get(base + "/status").text


@app.route("/metadata")
def metadata():
    address = request.args["address"]
    # expect: ssrf
    return httpx.Client().get(f"{address}").text


@app.route("/fetch-safe")
def fetch_safe():
    url = request.args.get("url")
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        abort(400)
    # ok: ssrf
    return requests.get(url, timeout=5).content


@app.route("/users/<username>")
def github_user(username):
    # ok: ssrf
    response = requests.get(f"{GITHUB_API}/users/{username}")
    return response.json()


@app.route("/repos")
def repos():
    org = request.args.get("org")
    # ok: ssrf
    return requests.get("https://api.github.com/orgs/" + org + "/repos").json()


@app.route("/search")
def search():
    q = request.args.get("q")
    # ok: ssrf
    return requests.get("https://search.example.com/api", params={"q": q}).json()


@app.route("/weather")
def weather():
    city = request.args.get("city")
    # ok: ssrf
    return requests.get(f"https://api.weather.example.com/v2/current?city={city}").json()


def sync_inventory(api_url):
    """Called by the scheduler with the URL from settings."""
    # ok: ssrf
    return requests.get(api_url, timeout=30).json()


def ping_partner():
    # ok: ssrf
    return requests.get("https://partner.example.com/ping").ok


@app.route("/session-value")
def session_value():
    # ok: ssrf
    theme = request.session.get(request.args["key"])
    return jsonify(theme=theme)


@app.route("/cache")
def cached():
    key = request.args.get("key")
    # ok: ssrf
    value = cache.get(key)
    return jsonify(value=value)


@app.route("/choice")
def choose_mirror():
    mirror = request.args.get("mirror")
    if mirror not in {"https://eu.example.com", "https://us.example.com"}:
        abort(400)
    # ok: ssrf
    return requests.get(mirror + "/latest.json").json()


@app.route("/item/<int:item_id>")
def item(item_id):
    # ok: ssrf
    return requests.get(f"http://inventory.internal/items/{item_id}").json()


def test_fetch_proxies_url(client):
    url = client.application.config["TEST_URL"]
    # ok: ssrf
    requests.get(request.args["url"])
