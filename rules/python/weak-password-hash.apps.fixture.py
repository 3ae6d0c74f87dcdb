# User model helpers of a vulnerable app: passwords hashed with a fast hash.
import hashlib
import os

import bcrypt
from werkzeug.security import check_password_hash, generate_password_hash


def hash_password(password):
    # expect: weak-password-hash
    return hashlib.sha256(password.encode()).hexdigest()


def hash_password_safe(password):
    # ok: weak-password-hash
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode()


def hash_password_salted(password, salt=None):
    salt = salt or os.urandom(16).hex()
    # expect: weak-password-hash
    digest = hashlib.sha512((salt + password).encode()).hexdigest()
    return f"{salt}${digest}"


def hash_password_pbkdf2(password, salt=None):
    salt = salt or os.urandom(16)
    # ok: weak-password-hash
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


class User:
    def set_password(self, password):
        # expect: weak-password-hash
        self.password_hash = hashlib.sha256(password.encode("utf-8")).hexdigest()

    def set_password_safe(self, password):
        # ok: weak-password-hash
        self.password_hash = generate_password_hash(password)

    def check_password(self, password):
        # expect: weak-password-hash
        return self.password_hash == hashlib.sha256(password.encode("utf-8")).hexdigest()

    def check_password_safe(self, password):
        # ok: weak-password-hash
        return check_password_hash(self.password_hash, password)
