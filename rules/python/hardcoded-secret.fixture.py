"""Settings, clients and handlers for a small SaaS backend, the way an assistant tends to write them.

Connect with a URL like postgresql://user:password@localhost/app (this docstring is documentation, not configuration).
"""
import os
import smtplib
from getpass import getpass

import boto3
import jwt
import openai
import requests
import stripe
from decouple import config
from flask import Flask, request, session
from pydantic import SecretStr
from pydantic_settings import BaseSettings

# --- settings.py ---------------------------------------------------------------

DEBUG = False
# expect: hardcoded-session-secret
# ok: hardcoded-secret
SECRET_KEY = "django-insecure-7h#2p!x9v@q$w8e^r5t&y3u*i0o(p)l=k"
# ok: hardcoded-secret
SECRET_KEY_FALLBACKS = []
# ok: hardcoded-secret
PASSWORD_RESET_TIMEOUT = 259200

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "app",
        "USER": "app",
        # expect: hardcoded-secret
        "PASSWORD": "Sup3r-Secure-2024",
        "HOST": "db.internal",
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        # ok: hardcoded-secret
        "PASSWORD": os.environ["REPLICA_DB_PASSWORD"],
    },
}

# expect: hardcoded-secret
EMAIL_HOST_PASSWORD = "changeme"
# ok: hardcoded-secret
EMAIL_HOST_USER = "alerts@example.com"
# ok: hardcoded-secret
AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]

# expect: hardcoded-secret
DATABASE_URL = "postgresql+psycopg2://app:Pq7mLx2vR9@db.internal:5432/app"
# ok: hardcoded-secret
CACHE_URL = "redis://localhost:6379/0"
# ok: hardcoded-secret
TEMPLATE_DATABASE_URL = "postgresql://<user>:<password>@<host>/<db>"

# expect: hardcoded-secret
AWS_ACCESS_KEY_ID = "AKIAUJZDE8GXD6NCF10E"
# expect: hardcoded-secret
AWS_SECRET_ACCESS_KEY = "RgnatmUdjAWtGSU8po+799NksnRH9ucAUsdMlHUv"
# ok: hardcoded-secret
AWS_STORAGE_BUCKET_NAME = "uploads-prod"
# ok: hardcoded-secret
AWS_SECRET_ACCESS_KEY_ENV = "AWS_SECRET_ACCESS_KEY"

# expect: hardcoded-secret
OPENAI_API_KEY = "your-openai-api-key-here"
# ok: hardcoded-secret
ANTHROPIC_API_KEY = os.getenv("ANTHROPIC_API_KEY")
# ok: hardcoded-secret
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
# expect: hardcoded-secret
JWT_SECRET = os.getenv("JWT_SECRET", "dev-secret")
# ok: hardcoded-secret
LOG_LEVEL = os.getenv("LOG_LEVEL", "info")
# ok: hardcoded-secret
STRIPE_API_KEY = config("STRIPE_API_KEY", default="")
# expect: hardcoded-secret
GITHUB_TOKEN = config("GITHUB_TOKEN", default="ghp_pfJBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0Rlg")

# ok: hardcoded-secret
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
# ok: hardcoded-secret
CSRF_COOKIE_NAME = "csrftoken"
# ok: hardcoded-secret
SESSION_COOKIE_NAME = "sessionid"
# ok: hardcoded-secret
TOKEN_URL = "https://auth.example.com/oauth/token"
# ok: hardcoded-secret
API_KEY_HEADER = "X-API-Key"
# ok: hardcoded-secret
PRIVATE_KEY_PATH = "/etc/app/keys/signing.pem"
# ok: hardcoded-secret
DB_PASSWORD_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-password"


class Settings(BaseSettings):
    # ok: hardcoded-secret
    database_url: str = "sqlite:///./app.db"
    # expect: hardcoded-secret
    secret_key: str = "change-this-in-production"
    # ok: hardcoded-secret
    access_token_expire_minutes: int = 30
    # ok: hardcoded-secret
    openai_api_key: SecretStr = SecretStr("")
    # expect: hardcoded-secret
    admin_password: SecretStr = SecretStr("Adm1n!2024")


# --- app.py --------------------------------------------------------------------

app = Flask(__name__)
# expect: hardcoded-session-secret
# ok: hardcoded-secret
app.secret_key = "dev"
# expect: hardcoded-session-secret
# ok: hardcoded-secret
app.config["SECRET_KEY"] = "dGBL#EPH1qhT6^1#q*t&%c4x"
# ok: hardcoded-secret
app.config["SECRET_KEY"] = os.environ["FLASK_SECRET_KEY"]

# expect: hardcoded-secret
openai.api_key = "sk-proj-LKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtHF4vUCsMehGAkW"
# expect: hardcoded-secret
stripe.api_key = "sk_live_D53X83RZJzzzzgEOzdmenCkh"


@app.post("/login")
def login():
    username = request.form.get("username", "")
    # ok: hardcoded-secret
    password = request.form.get("password", "")
    # expect: hardcoded-secret
    if username == "admin" and password == "hunter2!":
        session["user"] = username
    # ok: hardcoded-secret
    if not password:
        return {"error": "Password is required"}, 400
    # ok: hardcoded-secret
    error = {"password": "Password must be at least 12 characters."}
    return error, 400


def issue_token(user_id: int) -> str:
    # expect: hardcoded-secret
    return jwt.encode({"sub": user_id}, "my-jwt-signing-key-123", algorithm="HS256")


def issue_token_safely(user_id: int) -> str:
    # ok: hardcoded-secret
    return jwt.encode({"sub": user_id}, os.environ["JWT_SECRET"], algorithm="HS256")


def fetch_report(report_id: str) -> dict:
    # expect: hardcoded-secret
    headers = {"Authorization": "Bearer 9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c"}
    # ok: hardcoded-secret
    safe_headers = {"Authorization": f"Bearer {os.environ['REPORTS_TOKEN']}"}
    response = requests.get(f"https://reports.example.com/{report_id}", headers=headers | safe_headers, timeout=10)
    return response.json()


def download_export() -> bytes:
    # expect: hardcoded-secret
    response = requests.get("https://exports.example.com/latest", auth=("exporter", "Xp0rt!Pass"), timeout=30)
    return response.content


def send_alert(body: str) -> None:
    with smtplib.SMTP("smtp.example.com", 587) as smtp:
        smtp.starttls()
        # expect: hardcoded-secret
        smtp.login("alerts@example.com", "app-pass-7781")
        smtp.sendmail("alerts@example.com", ["ops@example.com"], body)


def send_alert_safely(body: str) -> None:
    with smtplib.SMTP("smtp.example.com", 587) as smtp:
        # ok: hardcoded-secret
        smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
        smtp.sendmail("alerts@example.com", ["ops@example.com"], body)


def s3_client():
    # expect: hardcoded-secret
    return boto3.client("s3", region_name="eu-west-1", aws_secret_access_key="TCQCyEZDz/TddJ8HyS5SUkCnD8zRA9a9SkpXz9w3")


def connect_warehouse(host: str, user: str, password: str):
    # ok: hardcoded-secret
    dsn = f"postgresql://{user}:{password}@{host}:5432/warehouse"
    return dsn


def connect_reporting(host: str):
    # expect: hardcoded-secret
    return f"mysql+pymysql://report:R3p0rt1ng!@{host}/reports"


def connect_odbc():
    # expect: hardcoded-secret
    return "Driver={ODBC Driver 18 for SQL Server};Server=sql.internal;Database=crm;UID=sa;PWD=Crm#Passw0rd;"


def slack_client_token():
    # expect: hardcoded-secret
    return "xoxb-71276842684-656321223307-1LlqsajAIxNKu8iS2G8NPRVd"


# expect: hardcoded-secret
SIGNING_KEY = """-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB
aFDrBz9vFqU4yQ1bJ3pEo8yT0qL6sKk9XKf3G8nP0h0L2qkWcV7s4mKe8RB9vQx1
-----END RSA PRIVATE KEY-----"""
# ok: hardcoded-secret
PEM_HEADER = "-----BEGIN RSA PRIVATE KEY-----"


def prompt_for_credentials():
    # ok: hardcoded-secret
    password = getpass("Password: ")
    # ok: hardcoded-secret
    token = input("Enter your API token: ")
    return password, token


def connect_cache(password=None, token=""):
    # ok: hardcoded-secret
    return {"password": password, "token": token}


# expect: hardcoded-secret
def connect_admin(user="admin", password="admin123"):
    return user, password


def tokenizer_defaults():
    # ok: hardcoded-secret
    pad_token = "<pad>"
    # ok: hardcoded-secret
    eos_token = "</s>"
    # ok: hardcoded-secret
    next_page_token = "CAoQAA"
    return pad_token, eos_token, next_page_token


def form_fields():
    # ok: hardcoded-secret
    password_field = "password"
    # ok: hardcoded-secret
    token_type = "bearer"
    # ok: hardcoded-secret
    grant = {"grant_type": "password", "username": "svc"}
    # ok: hardcoded-secret
    fields = {"password": "password", "password2": "password2"}
    # ok: hardcoded-secret
    masked = {"password": "********"}
    return password_field, token_type, grant, fields, masked


def redact(url_parts: dict, headers: dict) -> dict:
    # ok: hardcoded-secret
    url_parts["password"] = ":****"
    # ok: hardcoded-secret
    headers["Authorization"] = "<SANITIZED>"
    return url_parts


# ok: hardcoded-secret
identifier_token = r"[^\W\d]\w*"


# ok: hardcoded-secret
STORAGE_CLIENT_KEY = "storage_v1_client"
# ok: hardcoded-secret
SQL_SERVICE_TOKEN = "sql-component.googleapis.com"
# ok: hardcoded-secret
PREFERRED_AUTH_KEY = "spec.preferredAuthentication"


class AwsConfigKeys:
    # ok: hardcoded-secret
    ACCESS_KEY = "AWSAccessKeyId"
    # ok: hardcoded-secret
    SECRET_KEY = "AWSSecretKey"
    # ok: hardcoded-secret
    PROFILE_SECRET_KEY = "aws_secret_access_key"


OPENAPI_TYPES = {
    # ok: hardcoded-secret
    "secret": "V1SecretVolumeSource",
    # ok: hardcoded-secret
    "service_account_token": "V1ServiceAccountTokenProjection",
}

FLAG_FIELDS = {
    # ok: hardcoded-secret
    "--clear-auth-token": "httpTarget.oidcToken.audience",
}


def connection_options(args):
    # ok: hardcoded-secret
    if args.auth == "scram-sha-256":
        return {"authMechanism": "SCRAM-SHA-256"}
    return {}


# ok: hardcoded-secret
def load_p12(key_bytes: bytes, password="notasecret"):
    return key_bytes, password


def check_configured(api_key: str) -> bool:
    # ok: hardcoded-secret
    return api_key != "your-api-key-here"


def test_login_with_fixture_password(client):
    # ok: hardcoded-secret
    client.post("/login", data={"username": "admin", "password": "correct-horse-battery"})
