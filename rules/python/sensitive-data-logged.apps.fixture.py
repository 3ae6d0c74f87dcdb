# Login and payment handlers that log too much.
import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/login", methods=["POST"])
def login():
    username = request.form["username"]
    password = request.form["password"]
    # expect: sensitive-data-logged
    log.info("login attempt user=%s password=%s", username, password)
    return "ok"


@app.route("/login-safe", methods=["POST"])
def login_safe():
    username = request.form["username"]
    # ok: sensitive-data-logged
    log.info("login attempt user=%s", username)
    return "ok"


def refresh(token):
    # expect: sensitive-data-logged
    logging.debug(f"refreshing with token {token}")


def charge(card_number, cvv, amount):
    # expect: sensitive-data-logged
    log.warning("charging card %s cvv %s for %s", card_number, cvv, amount)


def connect(api_key):
    # expect: sensitive-data-logged
    print("Using API key: " + api_key)


def connect_safe(api_key):
    # ok: sensitive-data-logged
    log.info("Using API key ending in %s", api_key[-4:])


def reset(user, reset_token):
    # expect: sensitive-data-logged
    log.info("password reset for %s: %s", user.email, reset_token)


def create_admin_cli(username):
    import secrets
    password = secrets.token_urlsafe(12)
    # ok: sensitive-data-logged
    print("Your new password is: " + password)
    # ok: sensitive-data-logged
    print(f"Created {username}; the password is stored in the vault")
