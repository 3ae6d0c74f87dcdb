# Blind set: passwords hashed with fast or unsalted functions (PyPI apps, training apps), with the fixes.
import hashlib
import os

import bcrypt
from werkzeug.security import check_password_hash, generate_password_hash


def hash_password(password):
    # expect: weak-password-hash
    return hashlib.sha256(password.encode()).hexdigest()


def hash_password_fixed(password):
    # ok: weak-password-hash
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())


def create_user(db, username, password):
    # expect: weak-hash
    pw_hash = hashlib.md5(password.encode("utf-8")).hexdigest()
    db.execute("INSERT INTO users (name, pw) VALUES (?, ?)", (username, pw_hash))


def create_user_fixed(db, username, password):
    # ok: weak-password-hash, weak-hash
    pw_hash = generate_password_hash(password)
    db.execute("INSERT INTO users (name, pw) VALUES (?, ?)", (username, pw_hash))


def check_login(stored_hash, password):
    # expect: weak-hash
    return hashlib.sha1(password.encode()).hexdigest() == stored_hash


def check_login_fixed(stored_hash, password):
    # ok: weak-password-hash
    return check_password_hash(stored_hash, password)


class User:
    def set_password(self, raw_password):
        salt = os.urandom(8).hex()
        # expect: weak-password-hash
        self.password = salt + "$" + hashlib.sha512((salt + raw_password).encode()).hexdigest()

    def set_password_fixed(self, raw_password):
        salt = os.urandom(16)
        # ok: weak-password-hash
        self.password = hashlib.pbkdf2_hmac("sha256", raw_password.encode(), salt, 600_000).hex() + salt.hex()


def register(form):
    pwd = form["pwd"]
    # expect: weak-password-hash
    h = hashlib.sha256()
    h.update(pwd.encode())
    return h.hexdigest()
