# Blind set: passwords, tokens and secrets written to logs (PyPI advisories: debug logging of credentials), with fixes.
import logging

logger = logging.getLogger(__name__)
log = logging.getLogger("auth")


def login(username, password):
    # expect: sensitive-data-logged
    logger.debug("Login attempt for %s with password %s", username, password)
    return authenticate(username, password)


def login_fixed(username, password):
    # ok: sensitive-data-logged
    logger.debug("Login attempt for %s", username)
    return authenticate(username, password)


def refresh(client_id, client_secret, refresh_token):
    # expect: sensitive-data-logged
    log.info(f"Refreshing token: client_id={client_id} secret={client_secret} refresh_token={refresh_token}")


def call_api(url, api_key):
    # expect: sensitive-data-logged
    logging.info("Calling %s with key %s", url, api_key)


def call_api_fixed(url, api_key):
    # ok: sensitive-data-logged
    logging.info("Calling %s with key %s...", url, api_key[:4])


def connect(config):
    # todo-expect: sensitive-data-logged
    logger.info("Connecting with config: %s", config)
    # expect: sensitive-data-logged
    print("DB password is " + config["password"])


def handle_request(headers):
    # expect: sensitive-data-logged
    logger.debug("Authorization header: %s", headers.get("Authorization"))


def authenticate(u, p):
    return True


def store_token(user, token):
    # expect: sensitive-data-logged
    logger.info("Issued token %s for user %s", token, user)


def store_token_fixed(user, token):
    # ok: sensitive-data-logged
    logger.info("Issued token for user %s", user)
