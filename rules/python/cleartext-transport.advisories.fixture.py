# Blind set: credentials and data sent over http://, ftp://, telnet and plain SMTP, with their fixes.
import ftplib
import smtplib
import telnetlib

import requests

# expect: cleartext-transport
API_BASE = "http://api.payments-provider.com/v2"
# ok: cleartext-transport
API_BASE_FIXED = "https://api.payments-provider.com/v2"
# ok: cleartext-transport
LOCAL_DEV = "http://localhost:8000"


def login(username, password):
    # expect: cleartext-transport
    return requests.post("http://auth.acmepay.io/login", data={"user": username, "password": password})


def login_fixed(username, password):
    # ok: cleartext-transport
    return requests.post("https://auth.acmepay.io/login", data={"user": username, "password": password})


def upload_backup(path, user, password):
    # expect: cleartext-transport
    ftp = ftplib.FTP("backup.acmepay.io")
    ftp.login(user, password)


def upload_backup_fixed(path, user, password):
    # ok: cleartext-transport
    ftp = ftplib.FTP_TLS("backup.acmepay.io")
    ftp.login(user, password)
    ftp.prot_p()


def send_alert(user, password, msg):
    # expect: cleartext-transport
    server = smtplib.SMTP("mail.acmepay.io", 25)
    server.login(user, password)
    server.sendmail("alerts@acmepay.io", ["ops@acmepay.io"], msg)


def send_alert_fixed(user, password, msg):
    # ok: cleartext-transport
    server = smtplib.SMTP_SSL("mail.acmepay.io", 465)
    server.login(user, password)
    server.sendmail("alerts@acmepay.io", ["ops@acmepay.io"], msg)


def router_shell(host):
    # expect: cleartext-transport
    return telnetlib.Telnet(host, 23)
