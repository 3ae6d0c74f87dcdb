"""Predictable randomness for security values in real code, each followed by its fix."""
import random
import secrets
import string
import uuid
from random import randint, choice


def generate_password(length=12):
    chars = string.ascii_letters + string.digits
    # expect: insecure-random
    return "".join(random.choice(chars) for _ in range(length))


def generate_password_fixed(length=12):
    chars = string.ascii_letters + string.digits
    # ok: insecure-random
    return "".join(secrets.choice(chars) for _ in range(length))


def generate_otp():
    # expect: insecure-random
    return str(random.randint(100000, 999999))


def generate_otp_fixed():
    # ok: insecure-random
    return str(secrets.randbelow(900000) + 100000)


def make_reset_token():
    # expect: insecure-random
    token = "".join(random.sample(string.ascii_letters + string.digits, 32))
    return token


def new_session_id():
    # expect: insecure-random
    return "%032x" % random.getrandbits(128)


def new_session_id_fixed():
    # ok: insecure-random
    return secrets.token_hex(16)


def create_api_key(user):
    # expect: insecure-random
    user.api_key = "".join([choice("abcdef0123456789") for i in range(40)])
    user.save()


def create_api_key_fixed(user):
    # ok: insecure-random
    user.api_key = secrets.token_urlsafe(30)
    user.save()


def make_salt():
    # expect: insecure-random
    salt = str(random.random())[2:]
    return salt


def verification_code():
    # expect: insecure-random
    code = randint(1000, 9999)
    return code


class CsrfHelper:
    def get_nonce(self):
        # expect: insecure-random
        return "".join(random.choices(string.ascii_letters, k=24))

    def get_nonce_fixed(self):
        # ok: insecure-random
        return secrets.token_urlsafe(18)


def shuffle_deck(cards):
    # ok: insecure-random
    random.shuffle(cards)
    return cards


def jitter(delay):
    # ok: insecure-random
    return delay + random.uniform(0, 0.5)


def sample_rows(rows, k):
    # ok: insecure-random
    return random.sample(rows, k)


def retry_backoff(attempt):
    # ok: insecure-random
    return min(60, 2 ** attempt) * random.random()


def temp_name():
    # ok: insecure-random
    return "tmp-" + uuid.uuid4().hex


def password_reset_link(user):
    # expect: insecure-random
    reset_token = uuid.uuid1().hex
    return f"https://app.example.com/reset/{user.id}/{reset_token}"


def password_reset_link_fixed(user):
    # ok: insecure-random
    reset_token = secrets.token_urlsafe(32)
    return f"https://app.example.com/reset/{user.id}/{reset_token}"


def generate_key():
    # expect: insecure-random
    return "%032x" % random.getrandbits(128)


def request_id():
    # ok: insecure-random
    return uuid.uuid1().hex


def send_sms_code(phone, sms_client):
    # expect: insecure-random
    code = random.randint(100000, 999999)
    sms_client.send(phone, f"Your code is {code}")
    return code


def send_sms_code_fixed(phone, sms_client):
    # ok: insecure-random
    code = secrets.randbelow(900000) + 100000
    sms_client.send(phone, f"Your code is {code}")
    return code


def pick_color_code():
    # ok: insecure-random
    color_code = random.randint(0, 255)
    return color_code
