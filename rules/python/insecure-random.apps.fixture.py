# Token/OTP helpers of a vulnerable app.
import random
import secrets
import string
import uuid

from flask import Flask, request

app = Flask(__name__)


def generate_reset_token(length=32):
    # expect: insecure-random
    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(length))


def generate_reset_token_safe(length=32):
    # ok: insecure-random
    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(length))


@app.route("/otp", methods=["POST"])
def send_otp():
    # expect: insecure-random
    otp = random.randint(100000, 999999)
    deliver(request.form["phone"], otp)
    return "sent"


@app.route("/otp-safe", methods=["POST"])
def send_otp_safe():
    # ok: insecure-random
    otp = secrets.randbelow(900000) + 100000
    deliver(request.form["phone"], otp)
    return "sent"


def deliver(phone, code):
    pass


def new_session_id():
    # expect: insecure-random
    return "%032x" % random.getrandbits(128)


def temp_password():
    chars = string.ascii_letters + string.digits + "!@#$"
    # expect: insecure-random
    return "".join(random.sample(chars, 12))


def api_key():
    # ok: insecure-random
    return secrets.token_urlsafe(32)


def shuffle_quiz(questions):
    # ok: insecure-random
    random.shuffle(questions)
    return questions


def invite_code():
    random.seed(uuid.uuid1().int)
    # expect: insecure-random
    return str(random.random())[2:10]
