"""Weak ciphers, modes and IVs from real code, each followed by its fix."""
import base64
import os

from Crypto.Cipher import AES, ARC4, DES, DES3, Blowfish
from Crypto.Random import get_random_bytes
from Crypto.Util.Padding import pad, unpad
from cryptography.hazmat.backends import default_backend
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.fernet import Fernet


def encrypt_token(key, data):
    # expect: weak-cipher
    cipher = AES.new(key, AES.MODE_ECB)
    return base64.b64encode(cipher.encrypt(pad(data, 16)))


def encrypt_token_fixed(key, data):
    # ok: weak-cipher
    cipher = AES.new(key, AES.MODE_GCM)
    ciphertext, tag = cipher.encrypt_and_digest(data)
    return base64.b64encode(cipher.nonce + tag + ciphertext)


class AESCipher:
    def __init__(self, key):
        self.key = key
        # expect: weak-cipher
        self.iv = b"\x00" * 16

    def encrypt(self, raw):
        cipher = AES.new(self.key, AES.MODE_CBC, self.iv)
        return base64.b64encode(cipher.encrypt(pad(raw, AES.block_size)))


class AESCipherFixed:
    def __init__(self, key):
        self.key = key

    def encrypt(self, raw):
        # ok: weak-cipher
        iv = get_random_bytes(AES.block_size)
        cipher = AES.new(self.key, AES.MODE_CBC, iv)
        return base64.b64encode(iv + cipher.encrypt(pad(raw, AES.block_size)))


def des_encrypt(key, text):
    # expect: weak-cipher
    des = DES.new(key, DES.MODE_CBC, b"12345678")
    return des.encrypt(pad(text, 8))


def triple_des(key, text):
    # expect: weak-cipher
    cipher = DES3.new(key, DES3.MODE_ECB)
    return cipher.encrypt(pad(text, 8))


def rc4_stream(key, data):
    # expect: weak-cipher
    return ARC4.new(key).encrypt(data)


def blowfish_encrypt(key, data):
    # expect: weak-cipher
    return Blowfish.new(key, Blowfish.MODE_ECB).encrypt(pad(data, 8))


def encrypt_backup(key, data):
    # expect: weak-cipher
    encryptor = Cipher(algorithms.AES(key), modes.ECB(), backend=default_backend()).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def encrypt_backup_fixed(key, data):
    nonce = os.urandom(12)
    # ok: weak-cipher
    return nonce + AESGCM(key).encrypt(nonce, data, None)


def legacy_3des(key, iv, data):
    # expect: weak-cipher
    encryptor = Cipher(algorithms.TripleDES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(data) + encryptor.finalize()


STATIC_IV = b"0123456789abcdef"


def encrypt_field(key, value):
    # expect: weak-cipher
    cipher = AES.new(key, AES.MODE_CBC, iv=STATIC_IV)
    return cipher.encrypt(pad(value.encode(), 16))


def encrypt_field_fixed(key, value):
    # ok: weak-cipher
    return Fernet(key).encrypt(value.encode())


def decrypt_cfb(key, blob):
    # expect: weak-cipher
    cipher = AES.new(key, AES.MODE_CFB, iv=b"abcdefghijklmnop")
    return cipher.decrypt(blob)


def decrypt_cfb_fixed(key, blob):
    iv, body = blob[:16], blob[16:]
    # ok: weak-cipher
    cipher = AES.new(key, AES.MODE_CFB, iv=iv)
    return cipher.decrypt(body)


def legacy_encrypt(key, data):
    # expect: weak-cipher
    return AES.new(key).encrypt(pad(data, 16))
