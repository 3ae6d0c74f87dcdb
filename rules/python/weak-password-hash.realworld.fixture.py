"""Passwords hashed with fast functions in real apps, each followed by its fix."""
import base64
import hashlib
import os

import bcrypt
from werkzeug.security import check_password_hash, generate_password_hash


class User:
    def set_password(self, password):
        # expect: weak-password-hash
        self.password_hash = hashlib.sha256(password.encode("utf-8")).hexdigest()

    def check_password(self, password):
        # expect: weak-password-hash
        return self.password_hash == hashlib.sha256(password.encode("utf-8")).hexdigest()


class UserFixed:
    def set_password(self, password):
        # ok: weak-password-hash
        self.password_hash = generate_password_hash(password)

    def check_password(self, password):
        # ok: weak-password-hash
        return check_password_hash(self.password_hash, password)


def hash_password(password):
    # expect: weak-password-hash
    return hashlib.sha512(password.encode()).hexdigest()


def hash_password_fixed(password):
    # ok: weak-password-hash
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode()


def create_user(db, username, password):
    salt = os.urandom(16).hex()
    # expect: weak-password-hash
    pw_hash = hashlib.sha256((salt + password).encode()).hexdigest()
    db.execute("INSERT INTO users (name, salt, pw) VALUES (?, ?, ?)", (username, salt, pw_hash))


def create_user_fixed(db, username, password):
    salt = os.urandom(16)
    # ok: weak-password-hash
    pw_hash = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000).hex()
    db.execute("INSERT INTO users (name, salt, pw) VALUES (?, ?, ?)", (username, salt.hex(), pw_hash))


def login(db, username, passwd):
    # expect: weak-password-hash
    hashed = hashlib.sha256(passwd.encode()).hexdigest()
    row = db.execute("SELECT id FROM users WHERE name = ? AND pw = ?", (username, hashed)).fetchone()
    return row is not None


def login_fixed(db, username, passwd):
    row = db.execute("SELECT pw FROM users WHERE name = ?", (username,)).fetchone()
    # ok: weak-password-hash
    return row is not None and bcrypt.checkpw(passwd.encode(), row[0])


def encode(password, salt):
    # expect: weak-password-hash
    digest = hashlib.sha256(salt.encode() + password.encode()).digest()
    return base64.b64encode(digest).decode()


def encode_fixed(password, salt):
    # ok: weak-password-hash
    digest = hashlib.scrypt(password.encode(), salt=salt.encode(), n=2**14, r=8, p=1)
    return base64.b64encode(digest).decode()


def register(form, users):
    # expect: weak-password-hash
    users.insert({"email": form["email"], "password": hashlib.sha3_256(form["password"].encode()).hexdigest()})


def register_fixed(form, users):
    # ok: weak-password-hash
    users.insert({"email": form["email"], "password": generate_password_hash(form["password"])})


def digest_file(path):
    with open(path, "rb") as fh:
        # ok: weak-password-hash
        return hashlib.sha256(fh.read()).hexdigest()
