# Real-world shapes of server-side request forgery in Python web apps and services, each beside the way its fix looks.
import ipaddress
import socket
import urllib.request
from urllib.parse import urlparse

import httpx
import requests
from django.http import HttpResponse, JsonResponse
from fastapi import FastAPI
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
api = FastAPI()
ALLOWED_HOSTS = {"images.example.com", "cdn.example.com"}


# A link-preview endpoint fetching whatever URL the client posts.
@app.route("/preview", methods=["POST"])
def preview():
    url = request.json["url"]
    # expect: ssrf
    resp = requests.get(url, timeout=5)
    return jsonify(title=resp.text[:200])


@app.route("/preview-fixed", methods=["POST"])
def preview_fixed():
    url = request.json["url"]
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        abort(400)
    # ok: ssrf
    resp = requests.get(url, timeout=5)
    return jsonify(title=resp.text[:200])


# An image proxy with the URL in the query string, via urllib.
@app.route("/proxy")
def proxy():
    target = request.args.get("u")
    # expect: ssrf
    with urllib.request.urlopen(target) as r:
        return r.read()


# A webhook tester in Django.
def send_test_webhook(request):
    hook = request.POST.get("callback_url")
    # expect: ssrf
    r = requests.post(hook, json={"event": "ping"}, timeout=3)
    return JsonResponse({"status": r.status_code})


# FastAPI: a typed query parameter, fetched with httpx.
@api.get("/fetch")
async def fetch(url: str):
    async with httpx.AsyncClient() as client:
        # expect: ssrf
        r = await client.get(url)
    return {"length": len(r.content)}


# The host part from the client, the path fixed: still SSRF.
@app.route("/status/<service>")
def service_status(service):
    # expect: ssrf
    r = requests.get(f"http://{service}:8080/health", timeout=2)
    return jsonify(r.json())


@app.route("/status-fixed/<service>")
def service_status_fixed(service):
    hosts = {"billing": "billing.internal", "search": "search.internal"}
    host = hosts.get(service)
    if host is None:
        abort(404)
    # ok: ssrf
    r = requests.get(f"http://{host}:8080/health", timeout=2)
    return jsonify(r.json())


# Only the path or query from the client: the host is fixed, no SSRF.
@app.route("/weather")
def weather():
    city = request.args.get("city", "")
    # ok: ssrf
    r = requests.get("https://api.weather.example.com/v1/current", params={"q": city}, timeout=5)
    return jsonify(r.json())


@app.route("/user-repos/<name>")
def user_repos(name):
    # ok: ssrf
    r = requests.get(f"https://api.github.com/users/{name}/repos", timeout=5)
    return jsonify(r.json())


# A session object reused across requests.
session = requests.Session()


@app.route("/import", methods=["POST"])
def import_feed():
    feed = request.form["feed_url"]
    # expect: ssrf
    data = session.get(feed, timeout=10).text
    return jsonify(size=len(data))


# Fixed with an IP check after resolving the host.
def is_public(url):
    host = urlparse(url).hostname or ""
    return not ipaddress.ip_address(socket.gethostbyname(host)).is_private


@app.route("/fetch-checked")
def fetch_checked():
    url = request.args["url"]
    if not is_public(url):
        abort(400)
    # ok: ssrf
    return requests.get(url, timeout=5).content


# An AWS Lambda behind API Gateway that downloads the URL in the event.
def lambda_handler(event, context):
    params = event.get("queryStringParameters") or {}
    source = params.get("image_url")
    # expect: ssrf
    image = requests.get(source, timeout=10).content
    return {"statusCode": 200, "body": str(len(image))}


# The fix most projects ship: parse once, check the host variable, then fetch.
@app.route("/avatar-fetch", methods=["POST"])
def avatar_fetch():
    avatar_url = request.form["avatar_url"]
    host = urlparse(avatar_url).hostname
    if host not in ALLOWED_HOSTS:
        abort(400)
    # ok: ssrf
    return requests.get(avatar_url, timeout=5).content


@app.route("/avatar-fetch-unchecked", methods=["POST"])
def avatar_fetch_unchecked():
    avatar_url = request.form["avatar_url"]
    host = urlparse(avatar_url).hostname
    app.logger.info("fetching avatar from %s", host)
    # expect: ssrf
    return requests.get(avatar_url, timeout=5).content


# A GraphQL mutation (Graphene) importing a document from a URL the client assembles.
import graphene


class ImportDocument(graphene.Mutation):
    class Arguments:
        host = graphene.String()
        path = graphene.String()

    content = graphene.String()

    def mutate(self, info, host, path="/"):
        # expect: ssrf
        resp = requests.get(f"https://{host}{path}", timeout=5)
        return ImportDocument(content=resp.text)


class ImportDocumentFixed(graphene.Mutation):
    content = graphene.String()

    def mutate(self, info, path="/"):
        # ok: ssrf
        resp = requests.get(f"https://docs.example.com/{path.lstrip('/')}", timeout=5)
        return ImportDocumentFixed(content=resp.text)


# FastAPI with the Request object under another name.
from fastapi import Request


@api.get("/mirror")
async def mirror(r: Request):
    upstream = r.query_params["upstream"]
    async with httpx.AsyncClient() as client:
        # expect: ssrf
        resp = await client.get(upstream)
    return resp.text


@api.get("/mirror-fixed")
async def mirror_fixed(r: Request):
    upstream = r.query_params["upstream"]
    if urlparse(upstream).hostname not in ALLOWED_HOSTS:
        return {"error": "host not allowed"}
    async with httpx.AsyncClient() as client:
        # ok: ssrf
        resp = await client.get(upstream)
    return resp.text
