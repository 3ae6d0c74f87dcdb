# Blind set: predictable random values for tokens, passwords, OTPs and ids, with the fixes that moved to secrets.
import random
import secrets
import string
import uuid


def generate_token(length=32):
    chars = string.ascii_letters + string.digits
    # expect: insecure-random
    return "".join(random.choice(chars) for _ in range(length))


def generate_token_fixed(length=32):
    chars = string.ascii_letters + string.digits
    # ok: insecure-random
    return "".join(secrets.choice(chars) for _ in range(length))


def make_otp():
    # expect: insecure-random
    return str(random.randint(100000, 999999))


def make_otp_fixed():
    # ok: insecure-random
    return str(secrets.randbelow(900000) + 100000)


def reset_password(user):
    # expect: insecure-random
    new_password = "".join(random.sample(string.ascii_letters + string.digits, 12))
    user.set_password(new_password)
    return new_password


def api_key():
    # expect: insecure-random
    return "%032x" % random.getrandbits(128)


def api_key_fixed():
    # ok: insecure-random
    return secrets.token_hex(16)


def session_nonce():
    # expect: insecure-random
    nonce = random.random()
    return str(nonce)


def shuffle_questions(questions):
    # ok: insecure-random
    random.shuffle(questions)
    return questions


def retry_delay(attempt):
    # ok: insecure-random
    return min(30, 2 ** attempt) + random.uniform(0, 1)


def make_salt():
    # expect: insecure-random
    salt = "".join(random.choices(string.hexdigits, k=16))
    return salt


def invite_code():
    # ok: insecure-random
    return uuid.uuid4().hex[:10]


def csrf_token():
    # expect: insecure-random
    return str(random.randrange(10**15, 10**16))


def csrf_token_fixed():
    # ok: insecure-random
    return secrets.token_urlsafe(16)
