# Vulnerable bank/forum app (DVPWA/pygoat-style): login, search, reports; then a small data-access library.
import sqlite3

from django.db import connection
from django.db.models.expressions import RawSQL
from django.http import JsonResponse
from flask import Flask, g, request
from sqlalchemy import text

from .models import Account, Post

app = Flask(__name__)


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect("bank.db")
    return g.db


@app.route("/login", methods=["POST"])
def login():
    username = request.form["username"]
    password = request.form["password"]
    cur = get_db().cursor()
    # expect: sql-injection
    cur.execute(f"SELECT id FROM users WHERE username = '{username}' AND password = '{password}'")
    return "ok" if cur.fetchone() else ("denied", 401)


@app.route("/login-safe", methods=["POST"])
def login_safe():
    username = request.form["username"]
    password = request.form["password"]
    cur = get_db().cursor()
    # ok: sql-injection
    cur.execute("SELECT id FROM users WHERE username = ? AND password_hash = ?", (username, password))
    return "ok" if cur.fetchone() else ("denied", 401)


@app.route("/search")
def search():
    q = request.args.get("q", "")
    cur = get_db().cursor()
    # expect: sql-injection
    query = "SELECT title, body FROM posts WHERE title LIKE '%%%s%%'" % q
    # expect: sql-injection
    cur.execute(query)
    return {"posts": cur.fetchall()}


@app.route("/search-safe")
def search_safe():
    q = request.args.get("q", "")
    cur = get_db().cursor()
    # ok: sql-injection
    cur.execute("SELECT title, body FROM posts WHERE title LIKE ?", ("%" + q + "%",))
    return {"posts": cur.fetchall()}


@app.route("/transactions")
def transactions():
    account = request.args["account"]
    sort = request.args.get("sort", "created")
    # expect: sql-injection
    rows = get_db().execute("SELECT * FROM tx WHERE account = {} ORDER BY {}".format(account, sort)).fetchall()
    return {"rows": rows}


ALLOWED_SORT = {"created", "amount"}


@app.route("/transactions-safe")
def transactions_safe():
    account = int(request.args["account"])
    sort = request.args.get("sort", "created")
    if sort not in ALLOWED_SORT:
        sort = "created"
    # ok: sql-injection
    rows = get_db().execute("SELECT * FROM tx WHERE account = ? ORDER BY " + sort, (account,)).fetchall()
    return {"rows": rows}


# ---- Django views ----

def account_lookup(request):
    email = request.GET.get("email")
    # expect: sql-injection
    accounts = Account.objects.raw("SELECT * FROM bank_account WHERE email = '%s'" % email)
    return JsonResponse({"ids": [a.id for a in accounts]})


def account_lookup_safe(request):
    email = request.GET.get("email")
    # ok: sql-injection
    accounts = Account.objects.raw("SELECT * FROM bank_account WHERE email = %s", [email])
    return JsonResponse({"ids": [a.id for a in accounts]})


def posts_by_author(request):
    author = request.GET["author"]
    # expect: sql-injection
    posts = Post.objects.extra(where=["author = '%s'" % author])
    return JsonResponse({"n": posts.count()})


def posts_ranked(request):
    boost = request.GET.get("boost", "1")
    # expect: sql-injection
    posts = Post.objects.annotate(rank=RawSQL("likes * " + boost, []))
    return JsonResponse({"n": posts.count()})


def delete_post(request, post_id):
    with connection.cursor() as cursor:
        # expect: sql-injection
        cursor.execute("DELETE FROM forum_post WHERE id = %s" % post_id)
    return JsonResponse({"deleted": True})


def delete_post_safe(request, post_id):
    with connection.cursor() as cursor:
        # ok: sql-injection
        cursor.execute("DELETE FROM forum_post WHERE id = %s", [post_id])
    return JsonResponse({"deleted": True})


# ---- library ----

def count_rows(session, table, where):
    # expect: sql-injection
    return session.execute(text(f"SELECT COUNT(*) FROM {table} WHERE {where}")).scalar()


def find_user(session, name):
    # ok: sql-injection
    return session.execute(text("SELECT * FROM users WHERE name = :name"), {"name": name}).first()


def find_user_vuln(session, name):
    # expect: sql-injection
    return session.execute(text("SELECT * FROM users WHERE name = '" + name + "'")).first()


def bulk_delete(conn, ids):
    id_list = ",".join(ids)
    # expect: sql-injection
    conn.execute("DELETE FROM sessions WHERE id IN (%s)" % id_list)


def bulk_delete_safe(conn, ids):
    placeholders = ",".join("?" for _ in ids)
    # ok: sql-injection
    conn.execute("DELETE FROM sessions WHERE id IN (%s)" % placeholders, ids)
