# Encryption helpers of a vulnerable app (PyCryptodome / cryptography).
import os

from Crypto.Cipher import AES, ARC4, DES, DES3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

KEY = os.environ["APP_KEY"].encode()[:16]


def encrypt_card(number):
    # expect: weak-cipher
    cipher = AES.new(KEY, AES.MODE_ECB)
    return cipher.encrypt(number.ljust(32).encode())


def encrypt_card_safe(number):
    # ok: weak-cipher
    cipher = AES.new(KEY, AES.MODE_GCM)
    ct, tag = cipher.encrypt_and_digest(number.encode())
    return cipher.nonce + tag + ct


def encrypt_legacy(data, key8):
    # expect: weak-cipher
    return DES.new(key8, DES.MODE_CBC, iv=b"\x00" * 8).encrypt(data)


def encrypt_3des(data, key):
    # expect: weak-cipher
    return DES3.new(key, DES3.MODE_CBC).encrypt(data)


def rc4_stream(key, data):
    # expect: weak-cipher
    return ARC4.new(key).encrypt(data)


def encrypt_token(data):
    iv = b"0000000000000000"
    # expect: weak-cipher
    enc = Cipher(algorithms.AES(KEY), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def encrypt_token_safe(data):
    iv = os.urandom(16)
    # ok: weak-cipher
    enc = Cipher(algorithms.AES(KEY), modes.CBC(iv)).encryptor()
    return iv + enc.update(data) + enc.finalize()


def encrypt_blob(data):
    # expect: weak-cipher
    enc = Cipher(algorithms.AES(KEY), modes.ECB()).encryptor()
    return enc.update(data) + enc.finalize()
