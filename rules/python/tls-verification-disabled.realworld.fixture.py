"""TLS verification turned off in real clients and SDKs, each followed by its fix."""
import http.client
import ssl
import urllib.request

import aiohttp
import httpx
import requests
import urllib3


def fetch(url):
    # expect: tls-verification-disabled
    return requests.get(url, verify=False, timeout=10)


def fetch_fixed(url):
    # ok: tls-verification-disabled
    return requests.get(url, timeout=10)


class ApiClient:
    def __init__(self, base_url, verify_ssl=True):
        self.base_url = base_url
        self.session = requests.Session()
        # expect: tls-verification-disabled
        self.session.verify = False

    def get(self, path):
        return self.session.get(self.base_url + path)


def open_url(url):
    # expect: tls-verification-disabled
    ctx = ssl._create_unverified_context()
    return urllib.request.urlopen(url, context=ctx).read()


def open_url_fixed(url):
    # ok: tls-verification-disabled
    ctx = ssl.create_default_context()
    return urllib.request.urlopen(url, context=ctx).read()


def make_context():
    ctx = ssl.create_default_context()
    # expect: tls-verification-disabled
    ctx.check_hostname = False
    # expect: tls-verification-disabled
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


# expect: tls-verification-disabled
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def post_json(url, payload):
    # expect: tls-verification-disabled
    with httpx.Client(verify=False) as client:
        return client.post(url, json=payload)


def post_json_fixed(url, payload):
    # ok: tls-verification-disabled
    with httpx.Client() as client:
        return client.post(url, json=payload)


async def aio_get(url):
    # expect: tls-verification-disabled
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=False)) as session:
        async with session.get(url) as resp:
            return await resp.text()


def https_conn(host):
    # expect: tls-verification-disabled
    return http.client.HTTPSConnection(host, context=ssl._create_unverified_context())


# expect: tls-verification-disabled
ssl._create_default_https_context = ssl._create_unverified_context


def pool(host):
    # expect: tls-verification-disabled
    return urllib3.PoolManager(cert_reqs="CERT_NONE")


def fetch_with_ca(url, ca_bundle):
    # ok: tls-verification-disabled
    return requests.get(url, verify=ca_bundle)


def fetch_status(host):
    # expect: tls-verification-disabled
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS)
    conn = http.client.HTTPSConnection(host, context=ctx)
    conn.request("GET", "/status")
    return conn.getresponse().read()


def fetch_status_fixed(host):
    # ok: tls-verification-disabled
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    conn = http.client.HTTPSConnection(host, context=ctx)
    conn.request("GET", "/status")
    return conn.getresponse().read()


def serve(sock, certfile):
    # ok: tls-verification-disabled
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS)
    ctx.load_cert_chain(certfile)
    return ctx.wrap_socket(sock, server_side=True)


class ReportingClient:
    # expect: tls-verification-disabled
    def __init__(self, base_url, verify_ssl=False):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.verify = verify_ssl


class ReportingClientFixed:
    # ok: tls-verification-disabled
    def __init__(self, base_url, verify_ssl=True):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.verify = verify_ssl
