"""Hard-coded credentials as they show up in real scripts, libraries and apps, each followed by its fix."""
import os
import smtplib

import boto3
import mysql.connector
import psycopg2
import pymongo
import redis
import requests
from github import Github
from slack_sdk import WebClient
from sqlalchemy import create_engine
from twilio.rest import Client


def connect():
    # expect: hardcoded-secret
    return psycopg2.connect(host="10.0.3.12", dbname="orders", user="orders", password="0rd3rs!2019")


def connect_fixed():
    # ok: hardcoded-secret
    return psycopg2.connect(host="10.0.3.12", dbname="orders", user="orders", password=os.environ["ORDERS_DB_PASSWORD"])


db = mysql.connector.connect(
    host="localhost",
    user="root",
    # expect: hardcoded-secret
    passwd="Mysql@123",
    database="shop",
)


s3 = boto3.client(
    "s3",
    # expect: hardcoded-secret
    aws_access_key_id="AKIAZ7QW3RTX5NBYHV2K",
    # expect: hardcoded-secret
    aws_secret_access_key="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",
)

# ok: hardcoded-secret
s3_fixed = boto3.client("s3")

# expect: hardcoded-secret
GITHUB_TOKEN = "ghp_4fT9kLm2QwErTy7UiOp3AsDfGh6JkL8ZxCvB"
# ok: hardcoded-secret
GITHUB_TOKEN_FIXED = os.environ.get("GITHUB_TOKEN")

# expect: hardcoded-secret
slack = WebClient(token="xoxb-2846385721-3957204816253-Qb7TyUiOpAsDfGhJkLzXcVbN")

# expect: hardcoded-secret
stripe_key = "sk_live_51HkQ2pLm8Ns4Rt6Vw9Yb3Cd5Fg7Hj0Kl"

# expect: hardcoded-secret
twilio = Client("AC8f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c", "9f8e7d6c5b4a39281706f5e4d3c2b1a0")


def send_alert(message):
    server = smtplib.SMTP("smtp.gmail.com", 587)
    server.starttls()
    # expect: hardcoded-secret
    server.login("alerts.bot@gmail.com", "qwerty!2345")
    server.sendmail("alerts.bot@gmail.com", ["ops@corp.example"], message)


def send_alert_fixed(message):
    server = smtplib.SMTP("smtp.gmail.com", 587)
    server.starttls()
    # ok: hardcoded-secret
    server.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
    server.sendmail(os.environ["SMTP_USER"], ["ops@corp.example"], message)


def fetch_issues():
    # expect: hardcoded-secret
    resp = requests.get("https://api.example.com/issues", auth=("svc-reporter", "R3p0rt3r#Pass"))
    return resp.json()


def fetch_issues_fixed():
    # ok: hardcoded-secret
    resp = requests.get("https://api.example.com/issues", auth=(os.environ["API_USER"], os.environ["API_PASS"]))
    return resp.json()


HEADERS = {
    # expect: hardcoded-secret
    "Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdmMiLCJpYXQiOjE2MDAwMDAwMDB9.Zk3n9Vq2xLw8YtR5sPmA1bC4dE7fG0hJ",
}

# expect: hardcoded-secret
engine = create_engine("mysql+pymysql://admin:Adm1nPass99@prod-db.internal/app")
# ok: hardcoded-secret
engine_fixed = create_engine(os.environ["DATABASE_URL"])

# expect: hardcoded-secret
mongo = pymongo.MongoClient("mongodb+srv://appuser:Xk29dLq8Pz@cluster0.ab1cd.mongodb.net/test")

# expect: hardcoded-secret
cache = redis.Redis(host="cache.internal", port=6379, password="r3d1s-S3cr3t")
# ok: hardcoded-secret
cache_fixed = redis.Redis(host="cache.internal", port=6379, password=os.getenv("REDIS_PASSWORD"))


class Settings:
    # expect: hardcoded-secret
    api_key = "9d4e1f7a2b8c3d6e0f5a1b7c4d9e2f8a"
    # ok: hardcoded-secret
    api_key_header = "X-API-Key"


# expect: hardcoded-secret
gh = Github("ghp_Zx8Cv7Bn6Mq5Wr4Et3Yu2Io1PaSdFgHjKlQw")

# expect: hardcoded-secret
PRIVATE_KEY = """-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u
-----END RSA PRIVATE KEY-----
"""

# expect: hardcoded-secret
SENDGRID_API_KEY = "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"

# ok: hardcoded-secret
PASSWORD_FIELD = "password"
# ok: hardcoded-secret
TOKEN_URL = "https://oauth2.googleapis.com/token"
# ok: hardcoded-secret
DEFAULT_PASSWORD_LENGTH = 16


def login_form(session, user):
    # ok: hardcoded-secret
    return session.post("/login", data={"username": user, "password": os.environ["TEST_USER_PASSWORD"]})
