"""Account helpers, invitations and a few simulations, as an assistant might write them."""
import random
import secrets
import string
import time
from random import choice, randint

from flask import Flask, jsonify, session

app = Flask(__name__)
ALPHABET = string.ascii_letters + string.digits


def generate_token(length: int = 32) -> str:
    # expect: insecure-random
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def generate_password(length: int = 12) -> str:
    chars = string.ascii_letters + string.digits + "!@#$%"
    # expect: insecure-random
    return "".join(secrets.SystemRandom().choices(chars, k=length))


def send_login_code(user) -> None:
    # expect: insecure-random
    otp = secrets.randbelow(900000) + 100000
    user.pending_otp = otp
    user.save()


def new_session_id() -> str:
    # expect: insecure-random
    return "%032x" % secrets.randbits(128)


def password_reset_link(user) -> str:
    # expect: insecure-random
    reset_code = str(secrets.randbelow(9000) + 1000)
    user.reset_code = reset_code
    return f"https://shop.example/reset?code={reset_code}"


def make_salt() -> str:
    # expect: insecure-random
    return "".join(secrets.choice(ALPHABET) for _ in range(16))


@app.route("/csrf")
def csrf():
    # expect: insecure-random
    session["csrf_token"] = "".join(secrets.SystemRandom().sample(ALPHABET, 24))
    return jsonify(token=session["csrf_token"])


def create_api_key(owner: str) -> dict:
    # expect: insecure-random
    api_key = "sk_" + "".join(secrets.choice(ALPHABET) for _ in range(40))
    return {"owner": owner, "api_key": api_key}


def invite(email: str) -> dict:
    # expect: insecure-random
    return {"email": email, "invite_code": secrets.randbelow(10**8)}


class Verification:
    def issue(self, phone: str) -> str:
        # expect: insecure-random
        self.verification_code = f"{secrets.randbelow(1000000):06d}"
        return self.verification_code


def nonce() -> int:
    # expect: insecure-random
    return secrets.randbits(64)


def retry_with_backoff(call, attempts: int = 5):
    for attempt in range(attempts):
        try:
            return call()
        except ConnectionError:
            # Jitter only spreads retries in time.
            # ok: insecure-random
            time.sleep(2 ** attempt + random.uniform(0, 1))
    raise RuntimeError("gave up")


def refresh_token_later(client):
    # The function is about tokens, but this value is a delay.
    # ok: insecure-random
    delay = random.randint(30, 90)
    time.sleep(delay)
    return client.refresh()


def pick_server(servers: list) -> str:
    # ok: insecure-random
    return random.choice(servers)


def simulate_dice(rolls: int) -> list:
    # ok: insecure-random
    return [random.randint(1, 6) for _ in range(rolls)]


def sample_rows(rows: list, k: int = 100) -> list:
    # ok: insecure-random
    return random.sample(rows, k)


def shuffle_questions(questions: list) -> list:
    # ok: insecure-random
    random.shuffle(questions)
    return questions


def random_color() -> str:
    # ok: insecure-random
    return "#%06x" % random.randint(0, 0xFFFFFF)


def reproducible_split(items: list, seed: int = 42):
    rng = random.Random(seed)
    # ok: insecure-random
    rng.shuffle(items)
    return items[: len(items) // 2], items[len(items) // 2:]


def secure_token() -> str:
    sysrand = random.SystemRandom()
    # SystemRandom reads the operating system's CSPRNG.
    # ok: insecure-random
    return "".join(sysrand.choice(ALPHABET) for _ in range(32))


def email_confirmation_token() -> str:
    # ok: insecure-random
    return secrets.token_urlsafe(32)


def test_tokens_are_unique():
    # ok: insecure-random
    tokens = {"".join(random.choice(ALPHABET) for _ in range(8)) for _ in range(100)}
    assert len(tokens) == 100


def _make_boundary(text: str) -> str:
    # A MIME boundary only has to be absent from the body.
    # ok: insecure-random
    token = random.randrange(2**63)
    return f"==============={token:019d}=="


def token_bucket_refill(bucket) -> None:
    # A rate limiter's token bucket holds no secret.
    # ok: insecure-random
    bucket.tokens += random.random()
