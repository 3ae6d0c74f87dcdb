# Integration clients of an internal tools app.
import ssl
import urllib.request

import httpx
import requests
import urllib3


def fetch_invoices(base_url, token):
    # expect: tls-verification-disabled
    r = requests.get(base_url + "/invoices", headers={"Authorization": token}, verify=False)
    return r.json()


def fetch_invoices_safe(base_url, token):
    # ok: tls-verification-disabled
    r = requests.get(base_url + "/invoices", headers={"Authorization": token}, verify="/etc/ssl/certs/corp-ca.pem")
    return r.json()


def make_session():
    s = requests.Session()
    # expect: tls-verification-disabled
    s.verify = False
    return s


def legacy_fetch(url):
    # expect: tls-verification-disabled
    ctx = ssl._create_unverified_context()
    return urllib.request.urlopen(url, context=ctx).read()


def legacy_fetch2(url):
    ctx = ssl.create_default_context()
    # expect: tls-verification-disabled
    ctx.check_hostname = False
    # expect: tls-verification-disabled
    ctx.verify_mode = ssl.CERT_NONE
    return urllib.request.urlopen(url, context=ctx).read()


def legacy_fetch_safe(url):
    # ok: tls-verification-disabled
    ctx = ssl.create_default_context()
    return urllib.request.urlopen(url, context=ctx).read()


def httpx_client():
    # expect: tls-verification-disabled
    return httpx.Client(verify=False, timeout=10)


def pool():
    # expect: tls-verification-disabled
    return urllib3.PoolManager(cert_reqs="CERT_NONE")
