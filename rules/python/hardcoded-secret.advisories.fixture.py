# Blind set: hard-coded credentials as they shipped in PyPI packages and apps, with the fixes that moved them out.
import jwt
from openai import OpenAI
import os

import boto3
import psycopg2
import requests

# expect: hardcoded-secret
AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY9z"
# ok: hardcoded-secret
AWS_SECRET_ACCESS_KEY_FIXED = os.environ["AWS_SECRET_ACCESS_KEY"]

# expect: hardcoded-secret
GITHUB_TOKEN = "ghp_4mX9qL2vR8tY6wE1uI3oP5aS7dF0gH2jK4lZ"

# expect: hardcoded-secret
SLACK_WEBHOOK = "https://hooks.slack.com/services/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"

API_KEY_PLACEHOLDER = "<your-api-key>"


def get_client():
    # expect: hardcoded-secret
    return boto3.client("s3", aws_access_key_id="AKIAQ3EGVP7XK2MZ4N6B", aws_secret_access_key="kT9v2Lq8Rz4Xw1Yp6Nm3Bc7Df5Gh0Js2Ak8Le4Qi")


def get_client_fixed():
    # ok: hardcoded-secret
    return boto3.client("s3")


def connect_db():
    # expect: hardcoded-secret
    return psycopg2.connect(host="db.internal", user="app", password="Pr0d-P@ssw0rd-2021!")


def connect_db_fixed():
    # ok: hardcoded-secret
    return psycopg2.connect(host="db.internal", user="app", password=os.environ["DB_PASSWORD"])


class StripeGateway:
    # expect: hardcoded-secret
    api_key = "sk_live_51HqX8kLmN2oP3qR4sT5uV6wX7yZ8aB9cD0eF1gH2iJ3"

    def charge(self, amount):
        return requests.post("https://api.stripe.com/v1/charges", auth=(self.api_key, ""), data={"amount": amount})


def send_mail(to, body):
    # expect: hardcoded-secret
    headers = {"Authorization": "Bearer xoxb-2486-9923-mQ7pLk3rT8vYx2Wz5Nb1Cd4F"}
    return requests.post("https://slack.com/api/chat.postMessage", headers=headers, json={"channel": to, "text": body})


DATABASE = {
    "ENGINE": "django.db.backends.postgresql",
    "USER": "admin",
    # expect: hardcoded-secret
    "PASSWORD": "s3cr3tAdm1nPwd!",
}

DATABASE_FIXED = {
    "ENGINE": "django.db.backends.postgresql",
    "USER": "admin",
    # ok: hardcoded-secret
    "PASSWORD": os.environ.get("DB_PASSWORD", ""),
}

# expect: hardcoded-secret
PRIVATE_KEY = """-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAx3vNq8b7xQ2m4kLpZ0hJ5rT9wYcD1fG6sE8aU2iO3nVbXyRz
-----END RSA PRIVATE KEY-----"""

# ok: hardcoded-secret
PASSWORD_FIELD = "password"
# ok: hardcoded-secret
TOKEN_HEADER = "X-Auth-Token"


def issue_token(user_id):
    # expect: hardcoded-secret
    return jwt.encode({"sub": user_id}, "my-jwt-signing-secret-123", algorithm="HS256")


def issue_token_fixed(user_id):
    # ok: hardcoded-secret
    return jwt.encode({"sub": user_id}, os.environ["JWT_SECRET"], algorithm="HS256")


def openai_client():
    # expect: hardcoded-secret
    return OpenAI(api_key="sk-proj-Xq7Lm2Pz9Rt4Vw8Yb1Nc5Hd3Jf6Kg0Sa2Ue7Io4")

# expect: hardcoded-secret
JWT_SECRET = "my_super_secret_jwt_key"
# ok: hardcoded-secret
JWT_SECRET_SETTING = "jwt_secret_key"
