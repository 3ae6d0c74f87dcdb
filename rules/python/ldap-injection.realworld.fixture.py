# Real-world shapes of LDAP injection in Python auth backends (python-ldap, ldap3), each beside its fix.
import ldap
from flask import Flask, request
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
BASE_DN = "ou=people,dc=example,dc=com"


# An authentication backend looking the user up by the login name.
class LDAPBackend:
    def __init__(self, uri):
        self.conn = ldap.initialize(uri)

    def find_user(self, username):
        # expect: ldap-injection
        return self.conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(uid=%s)" % username)

    def find_user_fixed(self, username):
        flt = "(uid=%s)" % ldap.filter.escape_filter_chars(username)
        # ok: ldap-injection
        return self.conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, flt)


# ldap3 with an f-string filter in a login route.
@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    conn = Connection(Server("ldap://ldap.example.com"), auto_bind=True)
    # expect: ldap-injection
    conn.search(BASE_DN, f"(&(objectClass=person)(sAMAccountName={user}))", attributes=["cn"])
    return str(conn.entries)


@app.route("/login-fixed", methods=["POST"])
def login_fixed():
    user = escape_filter_chars(request.form["user"])
    conn = Connection(Server("ldap://ldap.example.com"), auto_bind=True)
    # ok: ldap-injection
    conn.search(BASE_DN, f"(&(objectClass=person)(sAMAccountName={user}))", attributes=["cn"])
    return str(conn.entries)


# A group membership check built over two lines.
def is_member(conn, group, username):
    # expect: ldap-injection
    search_filter = "(&(cn=" + group + ")(memberUid=" + username + "))"
    # expect: ldap-injection
    return bool(conn.search_s("ou=groups,dc=example,dc=com", ldap.SCOPE_SUBTREE, search_filter))
