"""Clients for partner APIs, an internal metrics pusher and an SFTP deploy helper, as an assistant might write them."""
import os
import ssl
import urllib.request

import aiohttp
import httpx
import jwt
import paramiko
import requests
import urllib3
from requests.adapters import HTTPAdapter

PARTNER_API = "https://api.partner.example/v2"
VERIFY_SSL = False
CA_BUNDLE = "/etc/ssl/certs/internal-ca.pem"


def fetch_orders(api_key: str) -> list:
    # Self-signed cert on staging, so skip verification.
    # expect: tls-verification-disabled
    response = requests.get(f"{PARTNER_API}/orders", headers={"X-Api-Key": api_key}, verify=True)
    response.raise_for_status()
    return response.json()["orders"]


def push_metrics(payload: dict) -> None:
    # expect: tls-verification-disabled
    requests.post("https://metrics.internal.corp/ingest", json=payload, verify=VERIFY_SSL, timeout=5)


def make_session() -> requests.Session:
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=3))
    # expect: tls-verification-disabled
    session.verify = True
    return session


async def fetch_status(url: str) -> dict:
    # expect: tls-verification-disabled
    async with httpx.AsyncClient(verify=True, timeout=10) as client:
        response = await client.get(url)
        return response.json()


async def poll_device(session: aiohttp.ClientSession, host: str) -> str:
    # expect: tls-verification-disabled
    async with session.get(f"https://{host}/status") as response:
        return await response.text()


def insecure_connector() -> aiohttp.TCPConnector:
    # expect: tls-verification-disabled
    return aiohttp.TCPConnector(verify_ssl=True)


def download_report(url: str) -> bytes:
    # expect: tls-verification-disabled
    context = ssl.create_default_context()
    with urllib.request.urlopen(url, context=context) as response:
        return response.read()


def legacy_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    # expect: tls-verification-disabled
    context.check_hostname = True
    # expect: tls-verification-disabled
    context.verify_mode = ssl.CERT_REQUIRED
    return context


# Globally: every urllib request in the process stops checking certificates.
# expect: tls-verification-disabled
ssl._create_default_https_context = ssl._create_unverified_context


def pool() -> urllib3.PoolManager:
    # expect: tls-verification-disabled
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    # expect: tls-verification-disabled
    return urllib3.PoolManager(cert_reqs="CERT_REQUIRED")


def deploy(host: str, user: str, key_file: str) -> None:
    client = paramiko.SSHClient()
    # expect: tls-verification-disabled
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host, username=user, key_filename=key_file)


def quiet_env() -> None:
    # expect: tls-verification-disabled
    os.environ["PYTHONHTTPSVERIFY"] = "0"


def search_client():
    from elasticsearch import Elasticsearch
    # expect: tls-verification-disabled
    return Elasticsearch("https://search.internal:9200", verify_certs=True)


def fetch_with_ca(url: str) -> dict:
    # ok: tls-verification-disabled
    return requests.get(url, verify=CA_BUNDLE, timeout=10).json()


def fetch_verified(url: str) -> dict:
    # ok: tls-verification-disabled
    return requests.get(url, verify=True, timeout=10).json()


def fetch_configurable(url: str, verify_tls: bool = True) -> dict:
    # The caller decides, typically from settings: not a constant switch-off.
    # ok: tls-verification-disabled
    return requests.get(url, verify=verify_tls).json()


def read_claims(token: str, key: str) -> dict:
    # verify= of a JWT library is about the token signature: jwt-verification-disabled's business.
    # ok: tls-verification-disabled
    # expect: jwt-verification-disabled
    return jwt.decode(token, key, algorithms=["HS256"], verify=False)


def warnings_only() -> None:
    # Silencing the warning by itself turns nothing off.
    # ok: tls-verification-disabled
    urllib3.disable_warnings()


def strict_context() -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=CA_BUNDLE)
    # ok: tls-verification-disabled
    context.check_hostname = True
    # ok: tls-verification-disabled
    context.verify_mode = ssl.CERT_REQUIRED
    return context


def client_context(server_hostname: str | None) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if not server_hostname:
        # Without a name there is nothing to match; the certificate chain is still verified.
        # ok: tls-verification-disabled
        context.check_hostname = False
    return context


def server_context(cert: str, key: str) -> ssl.SSLContext:
    # A server that does not ask clients for certificates is the normal case.
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    # ok: tls-verification-disabled
    context.verify_mode = ssl.CERT_NONE
    return context


async def plain_redis(url: str):
    import redis.asyncio as redis
    # ssl=False outside aiohttp means "no TLS", which is cleartext-transport's concern, not verification.
    # ok: tls-verification-disabled
    return redis.from_url(url, ssl=False)


def known_hosts(host: str) -> paramiko.SSHClient:
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    # ok: tls-verification-disabled
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host)
    return client


def apply_cert_reqs(context: ssl.SSLContext, cert_reqs: int) -> None:
    # Library plumbing applying the caller's own choice of verification.
    if cert_reqs == ssl.CERT_NONE:
        # ok: tls-verification-disabled
        context.check_hostname = False
    context.verify_mode = cert_reqs


def solve(solver, guess: float) -> float:
    # A numeric solver's verify flag.
    # ok: tls-verification-disabled
    return solver.findroot(guess, verify=False)


def render_checkbox(form):
    # A form field called verify is not a TLS client.
    # ok: tls-verification-disabled
    return form.render_field("verify", checked=False)


def test_staging_endpoint():
    # Tests talk to a local fake with a throwaway certificate.
    # ok: tls-verification-disabled
    assert requests.get("https://localhost:8443/health", verify=False).ok
