"""Login, payment and integration code that logs as it goes, as an assistant might write it."""
import logging

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
logger = logging.getLogger(__name__)
log = logging.getLogger("payments")


@app.route("/login", methods=["POST"])
def login():
    email = request.form["email"]
    password = request.form["password"]
    # expect: sensitive-data-logged
    logger.info(f"Login attempt for {email} with password {password}")
    user = authenticate(email, password)
    # expect: sensitive-data-logged
    logging.debug("Issued token %s for %s", user.token, email)
    return jsonify(ok=True)


@app.route("/register", methods=["POST"])
def register():
    data = request.get_json()
    # expect: sensitive-data-logged
    app.logger.info("New user: %s / %s", data["username"], data["password"])
    return jsonify(ok=True)


def call_partner(api_key: str, payload: dict) -> dict:
    # expect: sensitive-data-logged
    log.debug("Calling partner with key=%s", api_key)
    return requests.post("https://partner.example/api", json=payload, headers={"X-Api-Key": api_key}).json()


def refresh(session, refresh_token: str) -> str:
    response = session.post("/oauth/token", data={"refresh_token": refresh_token})
    access_token = response.json()["access_token"]
    # expect: sensitive-data-logged
    logger.warning("Got new access token: " + access_token)
    return access_token


def connect(settings) -> None:
    # expect: sensitive-data-logged
    logger.info("Connecting to db as %s:%s", settings.DB_USER, settings.DB_PASSWORD)


@app.route("/webhook", methods=["POST"])
def webhook():
    # expect: sensitive-data-logged
    logger.debug("Webhook headers: %s", request.headers)
    return "", 204


@app.route("/reset", methods=["POST"])
def reset_password():
    new_password = request.form["new_password"]
    # expect: sensitive-data-logged
    print(f"Resetting password to {new_password}")
    return jsonify(ok=True)


def store_card(card_number: str, cvv: str) -> None:
    # expect: sensitive-data-logged
    logger.info("Storing card %s cvv %s", card_number, cvv)


def exchange_code(client_secret: str, code: str) -> dict:
    # expect: sensitive-data-logged
    logging.info("OAuth exchange: secret=%s code=%s", client_secret, code)
    return {}


def auth_header(request_headers: dict) -> str:
    authorization = request_headers.get("Authorization", "")
    # expect: sensitive-data-logged
    logger.debug("Authorization header: %s", authorization)
    return authorization


@app.route("/login-safe", methods=["POST"])
def login_safe():
    email = request.form["email"]
    # The word password in the message is not a password.
    # ok: sensitive-data-logged
    logger.info("Password login attempt for %s", email)
    user = authenticate(email, request.form["password"])
    # ok: sensitive-data-logged
    logger.info("User %s logged in", user.id)
    return jsonify(ok=True)


def rotate(api_key: str) -> None:
    # Only the last characters, to tell keys apart.
    # ok: sensitive-data-logged
    logger.info("Rotating key ending in %s", api_key[-4:])


def check_strength(password: str) -> bool:
    # ok: sensitive-data-logged
    logger.debug("Password length %d", len(password))
    return len(password) >= 12


def expiry(token) -> None:
    # ok: sensitive-data-logged
    logger.info("Token expires at %s", token.expires_at)


def masked(api_key: str) -> None:
    # ok: sensitive-data-logged
    logger.info("Using key %s", mask(api_key))


def configured(settings) -> None:
    # ok: sensitive-data-logged
    logger.info("Password policy: min length %s", settings.PASSWORD_MIN_LENGTH)
    # ok: sensitive-data-logged
    logger.info("Token lifetime is %s seconds", settings.ACCESS_TOKEN_LIFETIME)


def reset_requested(user) -> None:
    # ok: sensitive-data-logged
    logger.info("Password reset requested for user %s", user.id)


def missing(token) -> None:
    # ok: sensitive-data-logged
    logger.warning("Missing token: %s", token is None)


def paginate(next_token: str) -> None:
    # A pagination cursor is no credential.
    # ok: sensitive-data-logged
    logger.debug("Fetching page %s", next_token)


def report_ignored(ignored_credentials: list) -> None:
    # The names of settings that were skipped, not their values.
    # ok: sensitive-data-logged
    logger.debug("Ignoring credential settings: %s", ignored_credentials)


def cli_generate(password: str) -> None:
    # A command-line tool showing its user the password it just generated.
    # ok: sensitive-data-logged
    print("Generated password:", password)


def authenticate(email, password):
    return None


def mask(value):
    return "****" + value[-4:]
