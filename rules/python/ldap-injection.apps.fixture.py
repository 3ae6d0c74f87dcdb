# LDAP-backed login and directory search of an intranet app.
import ldap
from flask import Flask, request
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
BASE_DN = "ou=people,dc=example,dc=com"


@app.route("/login", methods=["POST"])
def login():
    user = request.form["username"]
    conn = ldap.initialize("ldap://ldap.internal")
    # expect: ldap-injection
    result = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(uid=%s)" % user)
    return "ok" if result else "no"


@app.route("/login-safe", methods=["POST"])
def login_safe():
    user = request.form["username"]
    conn = ldap.initialize("ldap://ldap.internal")
    # ok: ldap-injection
    result = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(uid=%s)" % ldap.filter.escape_filter_chars(user))
    return "ok" if result else "no"


@app.route("/directory")
def directory():
    name = request.args.get("name", "")
    conn = Connection(Server("ldap.internal"), auto_bind=True)
    # expect: ldap-injection
    conn.search(BASE_DN, f"(&(objectClass=person)(cn={name}*))", attributes=["mail"])
    return {"entries": [str(e) for e in conn.entries]}


@app.route("/directory-safe")
def directory_safe():
    name = request.args.get("name", "")
    conn = Connection(Server("ldap.internal"), auto_bind=True)
    # ok: ldap-injection
    conn.search(BASE_DN, f"(&(objectClass=person)(cn={escape_filter_chars(name)}*))", attributes=["mail"])
    return {"entries": [str(e) for e in conn.entries]}


def find_group_members(conn, group):
    # expect: ldap-injection
    search_filter = "(memberOf=cn=" + group + ",ou=groups,dc=example,dc=com)"
    # expect: ldap-injection
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, search_filter)
