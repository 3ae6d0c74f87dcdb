"""Integration clients for a billing API, an FTP drop, e-mail and a metrics socket, as an assistant might write them."""
import ftplib
import os
import smtplib
import telnetlib
import urllib.request
import xml.etree.ElementTree as ET

import httpx
import requests
import websocket

# expect: cleartext-transport
BILLING_API = "http://billing.acme-corp.com/api/v1"
INTERNAL_HEALTH = "http://localhost:8080/health"
NAMESPACE = "http://www.w3.org/2005/Atom"
DOCS_URL = "http://docs.acme-corp.com/guide"


def charge(customer_id: str, amount: int, api_key: str) -> dict:
    # The finding is on BILLING_API, where the scheme is written.
    # ok: cleartext-transport
    response = requests.post(f"{BILLING_API}/charges", json={"customer": customer_id, "amount": amount}, headers={"Authorization": f"Bearer {api_key}"})
    return response.json()


def login(username: str, password: str) -> str:
    # expect: cleartext-transport
    response = requests.post("http://auth.acme-corp.com/login", data={"username": username, "password": password})
    return response.json()["token"]


def fetch_invoices(token: str) -> list:
    # expect: cleartext-transport
    with httpx.Client(base_url="http://api.acme-corp.com") as client:
        return client.get("/invoices", headers={"Authorization": token}).json()


def download_rates() -> bytes:
    # expect: cleartext-transport
    with urllib.request.urlopen("http://rates.exchange-data.net/latest.json") as response:
        return response.read()


def stream_prices():
    # expect: cleartext-transport
    return websocket.create_connection("ws://stream.acme-corp.com/prices")


def upload_report(path: str) -> None:
    # expect: cleartext-transport
    ftp = ftplib.FTP("ftp.acme-corp.com")
    ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASSWORD"])
    with open(path, "rb") as handle:
        ftp.storbinary("STOR report.csv", handle)


def send_alert(body: str) -> None:
    # expect: cleartext-transport
    server = smtplib.SMTP("smtp.acme-corp.com", 25)
    server.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
    server.sendmail("alerts@acme-corp.com", ["ops@acme-corp.com"], body)
    server.quit()


def router_shell(host: str) -> None:
    # expect: cleartext-transport
    session = telnetlib.Telnet(host, 23)
    session.write(b"admin\n")


def sync_customers(session: requests.Session, api_token: str) -> None:
    # expect: cleartext-transport
    session.put("http://crm.acme-corp.com/api/customers/sync", headers={"X-Token": api_token})


def webhook_target() -> str:
    # expect: cleartext-transport
    return requests.get("http://52.14.201.7/api/webhook").text


def health() -> bool:
    # ok: cleartext-transport
    return requests.get(INTERNAL_HEALTH, timeout=2).ok


def secure_charge(customer_id: str) -> dict:
    # ok: cleartext-transport
    return requests.post("https://billing.acme-corp.com/api/v1/charges", json={"customer": customer_id}).json()


def docker_service() -> dict:
    # Another container on the compose network, addressed by service name.
    # ok: cleartext-transport
    return requests.get("http://inventory:8000/items").json()


def kubernetes_service() -> dict:
    # ok: cleartext-transport
    return requests.get("http://orders.default.svc.cluster.local/api/orders").json()


def parse_feed(text: str):
    root = ET.fromstring(text)
    # An XML namespace is a name, not a connection.
    # ok: cleartext-transport
    return root.findall(f"{{{NAMESPACE}}}entry")


def docs_link() -> str:
    # ok: cleartext-transport
    return f"See {DOCS_URL} for details."


def send_alert_tls(body: str) -> None:
    server = smtplib.SMTP("smtp.acme-corp.com", 587)
    # ok: cleartext-transport
    server.starttls()
    server.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
    server.sendmail("alerts@acme-corp.com", ["ops@acme-corp.com"], body)


def upload_tls(path: str) -> None:
    # ok: cleartext-transport
    ftp = ftplib.FTP_TLS("ftp.acme-corp.com")
    ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASSWORD"])
    ftp.prot_p()


def local_mail(body: str) -> None:
    # A local relay on the same host.
    # ok: cleartext-transport
    server = smtplib.SMTP("localhost")
    server.sendmail("app@localhost", ["root@localhost"], body)


def example_call() -> None:
    # ok: cleartext-transport
    requests.get("http://example.com/")


def private_network() -> dict:
    # ok: cleartext-transport
    return requests.get("http://10.0.3.7:9200/_cluster/health").json()


def redirect_to_https(url: str) -> str:
    # Rewriting http:// to https:// mentions the scheme without using it.
    # ok: cleartext-transport
    return url.replace("http://", "https://", 1)
