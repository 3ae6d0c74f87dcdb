# Blind set: LDAP injection shapes from PyPI advisories (auth backends, directory lookups), with their fixes.
import ldap
from flask import Flask, request
from ldap3 import Connection
from ldap3.utils.conv import escape_filter_chars
from ldap.filter import escape_filter_chars as ldap_escape, filter_format

app = Flask(__name__)


def authenticate(conn: Connection, base_dn, username, password):
    # expect: ldap-injection
    conn.search(base_dn, "(&(objectClass=person)(uid=%s))" % username, attributes=["cn"])
    return conn.entries


def authenticate_fixed(conn: Connection, base_dn, username, password):
    # ok: ldap-injection
    conn.search(base_dn, "(&(objectClass=person)(uid=%s))" % escape_filter_chars(username), attributes=["cn"])
    return conn.entries


def find_user(l, base, email):
    # expect: ldap-injection
    search_filter = f"(mail={email})"
    # expect: ldap-injection
    return l.search_s(base, ldap.SCOPE_SUBTREE, search_filter)


def find_user_fixed(l, base, email):
    search_filter = filter_format("(mail=%s)", [email])
    # ok: ldap-injection
    return l.search_s(base, ldap.SCOPE_SUBTREE, search_filter)


@app.route("/directory")
def directory():
    name = request.args.get("name", "")
    conn = ldap.initialize("ldap://ldap.internal")
    # expect: ldap-injection
    results = conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, "(cn=" + name + ")")
    return str(results)


@app.route("/directory-fixed")
def directory_fixed():
    name = request.args.get("name", "")
    conn = ldap.initialize("ldap://ldap.internal")
    # ok: ldap-injection
    results = conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, "(cn=" + ldap_escape(name) + ")")
    return str(results)


class LDAPBackend:
    def __init__(self, conn, base_dn, user_filter):
        self.conn = conn
        self.base_dn = base_dn
        self.user_filter = user_filter

    def get_groups(self, username):
        # expect: ldap-injection
        self.conn.search(self.base_dn, "(&(objectClass=group)(member=uid={},{}))".format(username, self.base_dn))
        return self.conn.entries

    def bind_user(self, username, password):
        # expect: ldap-injection
        user_dn = "uid=%s,%s" % (username, self.base_dn)
        # expect: ldap-injection
        return Connection("ldap://ldap.internal", user=user_dn, password=password).bind()
