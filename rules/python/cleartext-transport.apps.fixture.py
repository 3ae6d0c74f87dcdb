# Integration clients and settings of a vulnerable app.
import ftplib
import smtplib

import requests

# expect: cleartext-transport
PAYMENT_API = "http://payments.acmepay.io/api/v1"
# ok: cleartext-transport
PAYMENT_API_SAFE = "https://payments.acmepay.io/api/v1"
# ok: cleartext-transport
LOCAL_API = "http://localhost:8000/api"


def login_remote(user, password):
    # expect: cleartext-transport
    return requests.post("http://auth.acmepay.io/login", data={"user": user, "password": password})


def login_remote_safe(user, password):
    # ok: cleartext-transport
    return requests.post("https://auth.acmepay.io/login", data={"user": user, "password": password})


def upload_backup(path, password):
    # expect: cleartext-transport
    ftp = ftplib.FTP("backup.acmepay.io")
    ftp.login("backup", password)
    with open(path, "rb") as fh:
        ftp.storbinary("STOR backup.tar", fh)


def send_mail(msg, password):
    # expect: cleartext-transport
    server = smtplib.SMTP("mail.acmepay.io", 25)
    server.login("app", password)
    server.send_message(msg)


def send_mail_safe(msg, password):
    server = smtplib.SMTP("mail.acmepay.io", 587)
    server.starttls()
    server.login("app", password)
    server.send_message(msg)
