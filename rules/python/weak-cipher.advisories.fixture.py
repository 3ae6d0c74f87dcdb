# Blind set: weak ciphers, ECB mode, static IVs and short keys (pycryptodome, cryptography), with their fixes.
import os

from Crypto.Cipher import AES, ARC4, DES, DES3
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def encrypt_token(key, data):
    # expect: weak-cipher
    cipher = AES.new(key, AES.MODE_ECB)
    return cipher.encrypt(data)


def encrypt_token_fixed(key, data):
    # ok: weak-cipher
    cipher = AES.new(key, AES.MODE_GCM)
    ciphertext, tag = cipher.encrypt_and_digest(data)
    return cipher.nonce + tag + ciphertext


def encrypt_legacy(key, data):
    # expect: weak-cipher
    return DES.new(key, DES.MODE_CBC, iv=b"\0" * 8).encrypt(data)


def encrypt_cbc(key, data):
    # expect: weak-cipher
    cipher = AES.new(key, AES.MODE_CBC, b"0000000000000000")
    return cipher.encrypt(data)


def encrypt_cbc_fixed(key, data):
    iv = os.urandom(16)
    # ok: weak-cipher
    cipher = AES.new(key, AES.MODE_CBC, iv)
    return iv + cipher.encrypt(data)


def rc4_stream(key, data):
    # expect: weak-cipher
    return ARC4.new(key).encrypt(data)


def triple_des(key, data):
    # expect: weak-cipher
    return DES3.new(key, DES3.MODE_ECB).encrypt(data)


def hazmat_encrypt(key, data):
    # expect: weak-cipher
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def hazmat_encrypt_fixed(key, data):
    nonce = os.urandom(16)
    # ok: weak-cipher
    encryptor = Cipher(algorithms.AES(key), modes.CTR(nonce)).encryptor()
    return nonce + encryptor.update(data) + encryptor.finalize()


def make_keypair():
    # expect: weak-cipher
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)


def make_keypair_fixed():
    # ok: weak-cipher
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)
