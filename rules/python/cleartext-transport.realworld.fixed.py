"""Cleartext connections in real clients and scripts, each followed by its fix."""
import ftplib
import smtplib
import telnetlib
import os

import requests

# expect: cleartext-transport
API_BASE = "https://api.openweathermap.org/data/2.5/weather"
# ok: cleartext-transport
API_BASE_FIXED = "https://api.openweathermap.org/data/2.5/weather"


def login(username, password):
    # expect: cleartext-transport
    return requests.post("https://auth.corp-services.net/api/login", json={"user": username, "password": password})


def login_fixed(username, password):
    # ok: cleartext-transport
    return requests.post("https://auth.corp-services.net/api/login", json={"user": username, "password": password})


def upload_report(path):
    # expect: cleartext-transport
    ftp = ftplib.FTP_TLS("ftp.reports-host.com")
    ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASS"])
    with open(path, "rb") as fh:
        ftp.storbinary("STOR report.csv", fh)


def upload_report_fixed(path):
    # ok: cleartext-transport
    ftp = ftplib.FTP_TLS("ftp.reports-host.com")
    ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASS"])
    ftp.prot_p()
    with open(path, "rb") as fh:
        ftp.storbinary("STOR report.csv", fh)


def reboot_router(host, password):
    # expect: cleartext-transport
    tn = telnetlib.Telnet(host)
    tn.read_until(b"Password: ")
    tn.write(password.encode() + b"\n")


def send_mail(user, password, to, body):
    # expect: cleartext-transport
    server = smtplib.SMTP("mail.example-corp.com", 25)
    server.login(user, password)
    server.sendmail(user, to, body)


def send_mail_fixed(user, password, to, body):
    # ok: cleartext-transport
    server = smtplib.SMTP_SSL("mail.example-corp.com", 465)
    server.login(user, password)
    server.sendmail(user, to, body)


class PaymentClient:
    # expect: cleartext-transport
    BASE_URL = "https://payments.acme-pay.com/v1"

    def charge(self, token, amount):
        return requests.post(self.BASE_URL + "/charges", data={"token": token, "amount": amount})


def local_health():
    # ok: cleartext-transport
    return requests.get("http://localhost:8080/health")


def metadata():
    # ok: cleartext-transport
    return requests.get("http://169.254.169.254/latest/meta-data/")


# ok: cleartext-transport
XMLNS = "http://www.w3.org/2000/svg"


def rpc_client():
    import xmlrpc.client
    # expect: cleartext-transport
    return xmlrpc.client.ServerProxy("https://rpc.partner-billing.com/RPC2")


def rpc_client_fixed():
    import xmlrpc.client
    # ok: cleartext-transport
    return xmlrpc.client.ServerProxy("https://rpc.partner-billing.com/RPC2")
