import ldap
from flask import Flask, abort, jsonify, request
from ldap.dn import escape_dn_chars
from ldap.filter import escape_filter_chars, filter_format

app = Flask(__name__)
BASE_DN = "ou=people,dc=example,dc=com"
GROUPS_DN = "ou=groups,dc=example,dc=com"


def connect():
    conn = ldap.initialize("ldaps://ldap.example.com")
    conn.simple_bind_s("cn=reader,dc=example,dc=com", read_secret())
    return conn


@app.route("/directory/search")
def search_people():
    name = request.args.get("q", "")
    conn = connect()
    # expect: ldap-injection
    results = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(cn=*" + escape_filter_chars(name) + "*)")
    return jsonify([dn for dn, _ in results])


@app.route("/login", methods=["POST"])
def login():
    username = request.form["username"]
    conn = connect()
    # expect: ldap-injection
    found = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(&(objectClass=person)(uid={escape_filter_chars(username)}))", ["dn"])
    if not found:
        abort(401)
    return "ok"


@app.route("/groups/<group>")
def group_members(group):
    # expect: ldap-injection
    query = "(&(objectClass=groupOfNames)(cn=%s))" % escape_filter_chars(group)
    conn = connect()
    print("searching", GROUPS_DN)
    # expect: ldap-injection
    return jsonify(conn.search_s(GROUPS_DN, ldap.SCOPE_SUBTREE, query))


class LdapBackend:
    def authenticate(self, request, username=None, password=None):
        conn = connect()
        # expect: ldap-injection
        entries = conn.search_s(BASE_DN, ldap.SCOPE_ONELEVEL, "(uid={})".format(escape_filter_chars(username)))
        if not entries:
            return None
        user_dn = entries[0][0]
        conn.simple_bind_s(user_dn, password)
        return user_dn

    def bind_as(self, username, password):
        conn = ldap.initialize("ldaps://ldap.example.com")
        # expect: ldap-injection
        conn.simple_bind_s("uid=%s,%s" % (escape_dn_chars(username), BASE_DN), password)
        return conn


def find_by_mail(conn, mail):
    # expect: ldap-injection
    return conn.search_st(BASE_DN, ldap.SCOPE_SUBTREE, filterstr="(mail=" + escape_filter_chars(mail) + ")", timeout=5)


def members_of(conn, team):
    # expect: ldap-injection
    return conn.search_ext_s(GROUPS_DN, ldap.SCOPE_SUBTREE, "(&(objectClass=posixGroup)(memberUid=%s))" % escape_filter_chars(team.owner))


@app.route("/attr")
def attribute_search():
    attr = request.args["attr"]
    value = request.args["value"]
    conn = connect()
    # expect: ldap-injection
    return jsonify(conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"({attr}={value})"))


def user_exists(conn, uid):
    # expect: ldap-injection
    flt = "(uid=" + escape_filter_chars(uid) + ")"
    attrs = ["uid"]
    scope = ldap.SCOPE_SUBTREE
    # expect: ldap-injection
    return bool(conn.search_s(BASE_DN, scope, flt, attrs))


@app.route("/phone")
def phone_lookup():
    number = request.args.get("n")
    conn = connect()
    # expect: ldap-injection
    msgid = conn.search(BASE_DN, ldap.SCOPE_SUBTREE, "(telephoneNumber=%s)" % escape_filter_chars(number))
    return jsonify(conn.result(msgid))


def managers(conn, department):
    # expect: ldap-injection
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(&(title=Manager)(departmentNumber=" + escape_filter_chars(department) + "))")


def rebind(conn, login_name, secret):
    # expect: ldap-injection
    dn = f"uid={escape_dn_chars(login_name)},ou=people,dc=example,dc=com"
    log_bind(dn)
    # expect: ldap-injection
    return conn.simple_bind_s(dn, secret)


@app.route("/directory/search-safe")
def search_people_safely():
    name = escape_filter_chars(request.args.get("q", ""))
    conn = connect()
    # ok: ldap-injection
    results = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(cn=*" + name + "*)")
    return jsonify([dn for dn, _ in results])


@app.route("/login-safe", methods=["POST"])
def login_safe():
    conn = connect()
    # ok: ldap-injection
    found = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, filter_format("(&(objectClass=person)(uid=%s))", [request.form["username"]]))
    return "ok" if found else ("denied", 401)


def all_people(conn):
    # ok: ldap-injection
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(objectClass=person)")


def search_attribute(conn, attribute):
    """Attribute names come from the admin settings form."""
    # ok: ldap-injection
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"({attribute}=*)")


def by_employee_number(conn, number):
    # ok: ldap-injection
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(employeeNumber=%d)" % number)


def by_uid_escaped(conn, uid):
    # ok: ldap-injection
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(uid={escape_filter_chars(uid)})")


def find_text(pattern, text):
    import re
    # ok: ldap-injection
    return re.search("(name=" + pattern + ")", text)


def search_products(index, term):
    # ok: ldap-injection
    return index.search("title:" + term)


@app.route("/department")
def department():
    dept = request.args.get("dept")
    if dept not in {"sales", "engineering", "support"}:
        abort(400)
    conn = connect()
    # ok: ldap-injection
    return jsonify(conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(ou={dept})"))


def service_bind(conn):
    # ok: ldap-injection
    conn.simple_bind_s("cn=%s,dc=example,dc=com" % "sync-agent", read_secret())


def bind_user_dn(conn, user_dn, password):
    # ok: ldap-injection
    return conn.simple_bind_s(user_dn, password)


def test_search_filter_escapes(conn):
    name = "a*"
    # ok: ldap-injection
    conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(cn=" + name + ")")
