"""Secrets written to logs in real code, each followed by its fix."""
import logging

from flask import request

logger = logging.getLogger(__name__)
log = logging.getLogger("auth")


def authenticate(username, password):
    # expect: sensitive-data-logged
    logger.info("Login attempt for %s with password %s", username, password)


def authenticate_fixed(username, password):
    # ok: sensitive-data-logged
    logger.info("Login attempt for %s", username)


def call_api(token, url):
    # expect: sensitive-data-logged
    logger.debug(f"Calling {url} with token {token}")


def call_api_fixed(token, url):
    # ok: sensitive-data-logged
    logger.debug(f"Calling {url}")


def log_request():
    # expect: sensitive-data-logged
    log.debug("headers: %s", request.headers)
    # expect: sensitive-data-logged
    log.info("Authorization: " + request.headers.get("Authorization", ""))


def configure(api_key):
    # expect: sensitive-data-logged
    logging.info("Using API key: %s" % api_key)


def configure_fixed(api_key):
    # ok: sensitive-data-logged
    logging.info("Using API key ending in %s", api_key[-4:])


def save_credentials(creds):
    # expect: sensitive-data-logged
    logger.debug("Saving credentials: %r", creds)


def refresh(resp):
    data = resp.json()
    # expect: sensitive-data-logged
    logger.info("got new access_token=%s", data["access_token"])


def db_connect(dsn):
    # ok: sensitive-data-logged
    logger.info("connecting to database")


def login_view():
    # expect: sensitive-data-logged
    logger.info(f"Login request body: {request.get_json()}")
    data = request.get_json()
    return check(data["username"], data["password"])


def login_view_fixed():
    data = request.get_json()
    # ok: sensitive-data-logged
    logger.info("Login attempt for %s", data.get("username"))
    return check(data["username"], data["password"])


def check(username, password):
    return bool(username and password)


def basic_login(user, pw):
    # expect: sensitive-data-logged
    logger.info("login attempt user=%s password=%s", user, pw)


def basic_login_fixed(user, pw):
    # ok: sensitive-data-logged
    logger.info("login attempt user=%s password=%s", user, "*" * len(pw))


def token_stats(count):
    # ok: sensitive-data-logged
    logger.info("token: %s issued today", count)
