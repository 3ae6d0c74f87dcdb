# Blind set: TLS verification turned off (requests, httpx, urllib, ssl, aiohttp), with their fixes.
import http.client
import ssl
import urllib.request

import aiohttp
import httpx
import requests
import urllib3


def fetch_status(url, token):
    # expect: tls-verification-disabled
    return requests.get(url, headers={"Authorization": token}, verify=False).json()


def fetch_status_fixed(url, token, ca_bundle=None):
    # ok: tls-verification-disabled
    return requests.get(url, headers={"Authorization": token}, verify=ca_bundle or True).json()


class ApiClient:
    def __init__(self, base_url, verify_ssl=True):
        self.session = requests.Session()
        # expect: tls-verification-disabled
        self.session.verify = False
        self.base_url = base_url


def make_client():
    # expect: tls-verification-disabled
    return httpx.Client(verify=False, timeout=10)


def fetch_metrics(host, path):
    # expect: tls-verification-disabled
    conn = http.client.HTTPSConnection(host, context=ssl._create_unverified_context())
    conn.request("GET", path)
    return conn.getresponse().read()


def fetch_metrics_fixed(host, path, cafile=None):
    # ok: tls-verification-disabled
    conn = http.client.HTTPSConnection(host, context=ssl.create_default_context(cafile=cafile))
    conn.request("GET", path)
    return conn.getresponse().read()


class LdapsClient:
    def build_context(self):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        # expect: tls-verification-disabled
        context.check_hostname = False
        # expect: tls-verification-disabled
        context.verify_mode = ssl.CERT_NONE
        return context


async def post_event(url, payload):
    async with aiohttp.ClientSession() as session:
        # expect: tls-verification-disabled
        async with session.post(url, json=payload, ssl=False) as resp:
            return await resp.text()


def pool():
    # expect: tls-verification-disabled
    return urllib3.PoolManager(cert_reqs="CERT_NONE")


def pool_fixed():
    # ok: tls-verification-disabled
    return urllib3.PoolManager(cert_reqs="CERT_REQUIRED")


def download(url, verify_ssl=True):
    # ok: tls-verification-disabled
    return requests.get(url, verify=verify_ssl, timeout=30).content


def patch_global():
    # expect: tls-verification-disabled
    ssl._create_default_https_context = ssl._create_unverified_context
