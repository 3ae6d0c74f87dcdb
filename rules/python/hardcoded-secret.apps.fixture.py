# config.py of a vulnerable app plus clients of a small integration library.
import os

import boto3
import psycopg2
import stripe
from twilio.rest import Client

# expect: hardcoded-secret
AWS_ACCESS_KEY_ID = "AKIAQX4MZ7TYB2NRL6WP"
# expect: hardcoded-secret
AWS_SECRET_ACCESS_KEY = "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"
# ok: hardcoded-secret
AWS_REGION = "eu-west-1"
# expect: hardcoded-secret
stripe.api_key = "sk_live_51HqT2bKz8VxYwN3pQ7rLm0aBcDeFgHiJkLmNoPq"
# ok: hardcoded-secret
stripe.api_key = os.environ["STRIPE_API_KEY"]
# expect: hardcoded-secret
DATABASE_URL = "postgresql://admin:S3cr3tPassw0rd!@db.internal:5432/bank"
# ok: hardcoded-secret
DATABASE_URL_SAFE = os.environ.get("DATABASE_URL", "postgresql://localhost/bank")
# expect: hardcoded-secret
GITHUB_TOKEN = "ghp_8fK2mQz9XwL4nB7vR1tY6uP3sD0aE5gH2jC9"
# expect: hardcoded-secret
SLACK_WEBHOOK = "https://hooks.slack.com/services/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"


def s3_client():
    # expect: hardcoded-secret
    return boto3.client("s3", aws_access_key_id="AKIAQX4MZ7TYB2NRL6WP", aws_secret_access_key="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")


def s3_client_safe():
    # ok: hardcoded-secret
    return boto3.client("s3", aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"], aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])


def db_connect():
    # expect: hardcoded-secret
    return psycopg2.connect(host="db.internal", user="bank", password="Winter2023!bank")


def db_connect_safe():
    # ok: hardcoded-secret
    return psycopg2.connect(host="db.internal", user="bank", password=os.environ["DB_PASSWORD"])


def sms_client():
    # expect: hardcoded-secret
    auth_token = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    return Client("AC1234567890abcdef1234567890abcdef", auth_token)


class Settings:
    # expect: hardcoded-secret
    api_secret = "c2VjcmV0LWtleS1mb3ItcHJvZC1hcGktMjAyMw=="
    # ok: hardcoded-secret
    api_secret_env = os.getenv("API_SECRET", "")
    # ok: hardcoded-secret
    password_field = "password"
