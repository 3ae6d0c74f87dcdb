"""Hard-coded credentials in library defaults, CLIs, SDK clients and config classes, each followed by its fix."""
import base64
import os

import ldap
import MySQLdb
import openai
import paramiko
import pymysql
import requests
from openai import OpenAI
from pydantic_settings import BaseSettings


# expect: hardcoded-secret
def get_connection(host="localhost", user="root", password="toor"):
    # expect: hardcoded-secret
    return pymysql.connect(host, user, "Passw0rd!", "inventory")


def get_connection_fixed(host="localhost", user="root"):
    # ok: hardcoded-secret
    return pymysql.connect(host, user, os.environ["INVENTORY_DB_PASSWORD"], "inventory")


# expect: hardcoded-secret
legacy = MySQLdb.connect("db.internal", "report", "rep0rt!ng", "metrics")


def ssh_run(host, command):
    client = paramiko.SSHClient()
    # expect: tls-verification-disabled
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    # expect: hardcoded-secret
    client.connect(host, username="deploy", password="D3pl0y#2021")
    # expect: command-injection (low confidence: a wrapper that hands its caller's whole command to the remote shell)
    return client.exec_command(command)


def ssh_run_fixed(host, command):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    # ok: hardcoded-secret
    client.connect(host, username="deploy", key_filename=os.path.expanduser("~/.ssh/deploy_ed25519"))
    # expect: command-injection (low confidence: a wrapper that hands its caller's whole command to the remote shell)
    return client.exec_command(command)


# expect: hardcoded-secret
openai.api_key = "sk-proj-Tq3Lm9Xv2Rb7Nc4Wd8Yf1Gh6Jk0Zp5As3Df7Gh"
# ok: hardcoded-secret
openai.api_key = os.getenv("OPENAI_API_KEY")

# expect: hardcoded-secret
llm = OpenAI(api_key="sk-9Xq2Lm7Rt4Vb8Nc3Wd6Yf1Gh5Jk0Zp2As4Df8Gh1Jk")


def fetch_tickets():
    headers = {
        # expect: hardcoded-secret
        "Authorization": "Basic " + base64.b64encode(b"helpdesk:Hd$2020pass").decode(),
    }
    return requests.get("https://helpdesk.example.net/api/tickets", headers=headers)


def fetch_tickets_fixed():
    # ok: hardcoded-secret
    headers = {"Authorization": "Bearer " + os.environ["HELPDESK_TOKEN"]}
    return requests.get("https://helpdesk.example.net/api/tickets", headers=headers)


def call_partner(payload):
    # expect: hardcoded-secret
    headers = {"X-API-Key": "a8f5f167f44f4964e6c998dee827110c", "Content-Type": "application/json"}
    return requests.post("https://partner.example.net/v2/orders", json=payload, headers=headers)


def bind(conn):
    # expect: hardcoded-secret
    conn.simple_bind_s("cn=admin,dc=corp,dc=local", "LdapAdm1n")


class AppSettings(BaseSettings):
    # expect: hardcoded-secret
    db_password: str = "Pg$ecret2022"
    # ok: hardcoded-secret
    db_user: str = "app"
    # ok: hardcoded-secret
    api_token: str = ""


# expect: hardcoded-secret
os.environ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY7q"


def is_admin(password):
    # expect: hardcoded-secret
    return password == "SuperAdmin2019!"


def main():
    import argparse
    parser = argparse.ArgumentParser()
    # expect: hardcoded-secret
    parser.add_argument("--password", default="hunter2hunter2")
    # ok: hardcoded-secret
    parser.add_argument("--token", default=os.environ.get("CLI_TOKEN"))
    return parser.parse_args()


# expect: hardcoded-secret
ENCRYPTION_KEY = b"Zq3!vL9#pR2$wX7@"
# ok: hardcoded-secret
ENCRYPTION_KEY_FIXED = os.environ["ENCRYPTION_KEY"].encode()

# ok: hardcoded-secret
PASSWORD_RESET_SUBJECT = "Reset your password"
# ok: hardcoded-secret
SECRET_NAME = "prod/app/db"


def run_bot(bot):
    # expect: hardcoded-secret
    bot.run("MTA4NzQ2MjM5ODc2NTQzMjE5OA.GhT5kL.Qw8ErTy2UiOp4AsDf6GhJkL9ZxCvBnM1Qw3Er")


def run_bot_fixed(bot):
    # ok: hardcoded-secret
    bot.run(os.environ["DISCORD_TOKEN"])


def droplets(do_client_class):
    # expect: hardcoded-secret
    return do_client_class("dop_v1_4f9c2e7a1b8d3f6e0a5c9b2d7e4f1a8c3b6d9e2f5a8c1b4d7e0f3a6c9b2e5d8f")


def subscribe(mc, email):
    # expect: hardcoded-secret
    mc.set_config({"api_key": "4e8b1c9d2f7a3e6b0c5d8f1a4b7e2c9d-us14", "server": "us14"})
    return mc.lists.add_list_member("abc", {"email_address": email})


def twitter_api():
    import tweepy
    # expect: hardcoded-secret
    auth = tweepy.OAuthHandler("q8Lm2Xv7Rt4Nb9Wc3Yd6Fg1Hk", "Zp5As3Df7Gh1Jk9Lq2Wx8Ec4Rv6Tb0Yn3Um5Io7Pa1Sd9Fg2Hj")
    # expect: hardcoded-secret
    auth.set_access_token("1184729301-Ab3Cd5Ef7Gh9Ij1Kl3Mn5Op7Qr9St1Uv3Wx5Yz", "Lq2Wx8Ec4Rv6Tb0Yn3Um5Io7Pa1Sd9Fg2Hj4Kl6Zx8Cv")
    return tweepy.API(auth)


def twitter_api_fixed():
    import tweepy
    # ok: hardcoded-secret
    auth = tweepy.OAuthHandler(os.environ["TWITTER_KEY"], os.environ["TWITTER_SECRET"])
    return tweepy.API(auth)


def directory(server):
    import ldap3
    # expect: hardcoded-secret
    return ldap3.Connection(server, "cn=svc-portal,ou=apps,dc=corp,dc=local", "P0rtal!Bind", auto_bind=True)


# expect: hardcoded-secret
ALERT_HOOK = "https://discord.com/api/webhooks/1087462398765432198/Qw8ErTy2UiOp4AsDf6GhJkL9ZxCvBnM1Qw3ErTy5UiOp7AsDf9GhJkL2ZxCvBnM4Qw6E"
