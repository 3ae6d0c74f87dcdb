"""Encryption helpers for stored API credentials and exported files, as an assistant might write them."""
import os
import ssl

import pyDes
from Crypto.Cipher import AES, ARC4, DES, DES3, Blowfish
from Crypto.PublicKey import RSA
from Crypto.Random import get_random_bytes
from Crypto.Util.Padding import pad
from cryptography.hazmat.primitives.asymmetric import dsa, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY = os.environ["FIELD_KEY"].encode()
STATIC_IV = b"0123456789abcdef"


def encrypt_field(value: str) -> bytes:
    # expect: weak-cipher
    cipher = AES.new(KEY, AES.MODE_ECB)
    return cipher.encrypt(pad(value.encode(), 16))


def encrypt_with_fixed_iv(value: bytes) -> bytes:
    # expect: weak-cipher
    cipher = AES.new(KEY, AES.MODE_CBC, STATIC_IV)
    return cipher.encrypt(pad(value, 16))


def encrypt_zero_iv(value: bytes) -> bytes:
    # expect: weak-cipher
    cipher = AES.new(KEY, AES.MODE_CBC, iv=b"\x00" * 16)
    return cipher.encrypt(pad(value, 16))


def legacy_des(value: bytes, key: bytes) -> bytes:
    # expect: weak-cipher
    return DES.new(key, DES.MODE_CBC, get_random_bytes(8)).encrypt(pad(value, 8))


def legacy_3des(value: bytes, key: bytes) -> bytes:
    # expect: weak-cipher
    cipher = DES3.new(key, DES3.MODE_EAX)
    return cipher.encrypt(value)


def stream(value: bytes, key: bytes) -> bytes:
    # expect: weak-cipher
    return ARC4.new(key).encrypt(value)


def blowfish(value: bytes, key: bytes) -> bytes:
    # expect: weak-cipher
    return Blowfish.new(key, Blowfish.MODE_CBC, get_random_bytes(8)).encrypt(pad(value, 8))


def cryptography_ecb(value: bytes, key: bytes) -> bytes:
    # expect: weak-cipher
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return encryptor.update(value) + encryptor.finalize()


def cryptography_3des(value: bytes, key: bytes) -> bytes:
    # expect: weak-cipher
    encryptor = Cipher(algorithms.TripleDES(key), modes.CBC(os.urandom(8))).encryptor()
    return encryptor.update(value) + encryptor.finalize()


def cryptography_static_iv(value: bytes, key: bytes) -> bytes:
    # expect: weak-cipher
    encryptor = Cipher(algorithms.AES(key), modes.CBC(b"\x00" * 16)).encryptor()
    return encryptor.update(value) + encryptor.finalize()


def signing_key():
    # expect: weak-cipher
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def dsa_key():
    # expect: weak-cipher
    return dsa.generate_private_key(key_size=2048)


def pycryptodome_rsa():
    # expect: weak-cipher
    return RSA.generate(2048)


def pydes_triple(key: bytes):
    # expect: weak-cipher
    return pyDes.triple_des(key, pyDes.CBC, b"\0\0\0\0\0\0\0\0", pad=None, padmode=pyDes.PAD_PKCS5)


def tls_v1_context():
    # expect: weak-cipher
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)


def encrypt_gcm(value: bytes) -> bytes:
    nonce = get_random_bytes(12)
    # ok: weak-cipher
    cipher = AES.new(KEY, AES.MODE_GCM, nonce=nonce)
    ciphertext, tag = cipher.encrypt_and_digest(value)
    return nonce + tag + ciphertext


def encrypt_cbc_random_iv(value: bytes) -> bytes:
    # PyCryptodome picks a random IV when none is given.
    # ok: weak-cipher
    cipher = AES.new(KEY, AES.MODE_CBC)
    return cipher.iv + cipher.encrypt(pad(value, 16))


def decrypt_cbc(blob: bytes) -> bytes:
    iv, body = blob[:16], blob[16:]
    # The IV read back from the message is the one encryption chose.
    # ok: weak-cipher
    cipher = AES.new(KEY, AES.MODE_CBC, iv)
    return cipher.decrypt(body)


def cryptography_cbc(value: bytes, key: bytes) -> bytes:
    iv = os.urandom(16)
    # ok: weak-cipher
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return iv + encryptor.update(value) + encryptor.finalize()


def aead(value: bytes, key: bytes) -> bytes:
    nonce = os.urandom(12)
    # ok: weak-cipher
    return nonce + AESGCM(key).encrypt(nonce, value, None)


def strong_rsa():
    # ok: weak-cipher
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)


def strong_pycryptodome_rsa():
    # ok: weak-cipher
    return RSA.generate(2048)


def modern_tls():
    context = ssl.create_default_context()
    # ok: weak-cipher
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def aes_key_wrap(wrapping_key: bytes, key_to_wrap: bytes) -> bytes:
    # RFC 3394 key wrap encrypts single blocks with raw AES by design.
    # ok: weak-cipher
    encryptor = Cipher(algorithms.AES(wrapping_key), modes.ECB()).encryptor()
    return encryptor.update(key_to_wrap) + encryptor.finalize()


def describe_mode(mode) -> str:
    # Comparing against ECB to refuse it is the opposite of using it.
    # ok: weak-cipher
    if mode == AES.MODE_ECB:
        raise ValueError("ECB is not allowed")
    return str(mode)


def client_context():
    # ok: weak-cipher
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def ctr_stream(key: bytes, value: bytes) -> bytes:
    # ok: weak-cipher
    cipher = AES.new(key, AES.MODE_CTR)
    return cipher.nonce + cipher.encrypt(value)
