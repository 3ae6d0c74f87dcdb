# ssl.wrap_socket with its options in a dict handed over with ** still sets cert_reqs there: the CERT_NONE default does
# not apply. Options that leave cert_reqs out connect without verification.
import argparse
import socket
import ssl

import requests


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


# A command-line switch the user sets to skip verification (curl's -k) is an explicit choice the code applies; turning
# verification off on any other condition is still a finding.
def build_session(args: argparse.Namespace) -> requests.Session:
    session = requests.Session()
    if args.insecure:
        # ok: tls-verification-disabled
        session.verify = False
    elif args.ca_bundle:
        session.verify = args.ca_bundle
    return session


class TunnelClient:
    def __init__(self, ignore_certs=False):
        self._ignore_certs = ignore_certs

    def context(self):
        if self._ignore_certs:
            # ok: tls-verification-disabled
            return ssl._create_unverified_context()
        return ssl.create_default_context()


def staging_session(environment):
    session = requests.Session()
    if environment.is_staging:
        # expect: tls-verification-disabled
        session.verify = False
    return session


def fetch_all(urls, disable_ssl_validation=False):
    if disable_ssl_validation:
        # ok: tls-verification-disabled
        return [requests.get(u, verify=False, timeout=10) for u in urls]
    # expect: tls-verification-disabled
    return [requests.get(u, verify=False, timeout=10) for u in urls if u.startswith("https://legacy.")]
