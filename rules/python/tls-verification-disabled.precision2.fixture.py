# ssl.wrap_socket with its options in a dict handed over with ** still sets cert_reqs there: the CERT_NONE default does
# not apply. Options that leave cert_reqs out connect without verification.
import socket
import ssl


class LegacyTlsConnector:
    def __init__(self, ca_file, verify_mode=ssl.CERT_REQUIRED):
        self.ca_file = ca_file
        self.verify_mode = verify_mode

    def connect(self, host, port):
        raw = socket.create_connection((host, port))
        options = {
            "ca_certs": self.ca_file,
            "cert_reqs": self.verify_mode,
        }
        # ok: tls-verification-disabled
        return ssl.wrap_socket(raw, **options)


def open_feed(host, port, ca_file):
    raw = socket.create_connection((host, port))
    options = {"ca_certs": ca_file}
    # expect: tls-verification-disabled
    return ssl.wrap_socket(raw, **options)


def open_unchecked_feed(host, port):
    raw = socket.create_connection((host, port))
    options = {"cert_reqs": ssl.CERT_NONE}
    # expect: tls-verification-disabled
    return ssl.wrap_socket(raw, **options)
