# A package's setup() names its home page with url=; nothing is requested from it. A client call with url= is a request.
import requests
from setuptools import find_packages, setup

setup(
    name="inventory-tools",
    version="2.1",
    # ok: cleartext-transport
    url="http://inventory.acme-tools.net/tools",
    packages=find_packages(),
)


def fetch_stock(session):
    # expect: cleartext-transport
    return session.request("GET", url="http://inventory.acme-tools.net/api/stock")


def push_stock(payload):
    # expect: cleartext-transport
    return requests.post("http://inventory.acme-tools.net/api/stock", json=payload, timeout=10)
