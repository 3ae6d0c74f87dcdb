# Real-world shapes of SQL injection in Python libraries, CLIs and web apps, each beside the way its fix looks.
import argparse
import sqlite3

import psycopg2
import pymysql
from django.db import connection
from django.http import JsonResponse
from flask import Flask, jsonify, request
from sqlalchemy import text

app = Flask(__name__)


# A data-access helper of a library: the table name and the filter value come from the caller.
class UserStore:
    def __init__(self, path):
        self.conn = sqlite3.connect(path)

    def find_by_email(self, email):
        cur = self.conn.cursor()
        # expect: sql-injection
        cur.execute("SELECT id, name FROM users WHERE email = '%s'" % email)
        return cur.fetchone()

    def find_by_email_fixed(self, email):
        cur = self.conn.cursor()
        # ok: sql-injection
        cur.execute("SELECT id, name FROM users WHERE email = ?", (email,))
        return cur.fetchone()

    def delete_older_than(self, table, days):
        # expect: sql-injection
        self.conn.execute(f"DELETE FROM {table} WHERE created < date('now', '-{days} days')")

    def delete_older_than_fixed(self, table, days):
        if table not in ("sessions", "events"):
            raise ValueError(table)
        # ok: sql-injection
        self.conn.execute(f"DELETE FROM {table} WHERE created < date('now', ?)", (f"-{int(days)} days",))


# A Flask search endpoint: the query is built over several lines, the vulnerable line is the build.
@app.route("/search")
def search():
    term = request.args.get("q", "")
    db = psycopg2.connect("dbname=shop")
    cur = db.cursor()
    # expect: sql-injection
    sql = "SELECT id, title FROM products WHERE title ILIKE '%%" + term + "%%' ORDER BY id"
    # expect: sql-injection
    cur.execute(sql)
    return jsonify(cur.fetchall())


@app.route("/search-fixed")
def search_fixed():
    term = request.args.get("q", "")
    db = psycopg2.connect("dbname=shop")
    cur = db.cursor()
    # ok: sql-injection
    sql = "SELECT id, title FROM products WHERE title ILIKE %s ORDER BY id"
    # ok: sql-injection
    cur.execute(sql, ("%" + term + "%",))
    return jsonify(cur.fetchall())


# Sorting by a client-chosen column: the classic ORDER BY injection, fixed with an allow-list.
@app.route("/orders")
def list_orders():
    sort = request.args.get("sort", "created_at")
    direction = request.args.get("dir", "asc")
    conn = pymysql.connect(host="db", user="app", database="shop")
    with conn.cursor() as cursor:
        # expect: sql-injection
        cursor.execute("SELECT * FROM orders ORDER BY {} {}".format(sort, direction))
        return jsonify(cursor.fetchall())


SORTABLE = {"created_at", "total", "status"}


@app.route("/orders-fixed")
def list_orders_fixed():
    sort = request.args.get("sort", "created_at")
    if sort not in SORTABLE:
        sort = "created_at"
    direction = "DESC" if request.args.get("dir") == "desc" else "ASC"
    conn = pymysql.connect(host="db", user="app", database="shop")
    with conn.cursor() as cursor:
        # ok: sql-injection
        cursor.execute("SELECT * FROM orders ORDER BY {} {}".format(sort, direction))
        return jsonify(cursor.fetchall())


# Django view with a raw query and a URL keyword argument.
def article_comments(request, slug):
    with connection.cursor() as cursor:
        # expect: sql-injection
        cursor.execute(
            "SELECT body FROM comments WHERE article_slug = '" + slug + "'"
        )
        rows = cursor.fetchall()
    return JsonResponse({"comments": rows})


def article_comments_fixed(request, slug):
    with connection.cursor() as cursor:
        # ok: sql-injection
        cursor.execute(
            "SELECT body FROM comments WHERE article_slug = %s", [slug]
        )
        rows = cursor.fetchall()
    return JsonResponse({"comments": rows})


# SQLAlchemy text() with an f-string, in a service function called with request data.
def count_by_status(session, status):
    # expect: sql-injection
    return session.execute(text(f"SELECT count(*) FROM tickets WHERE status = '{status}'")).scalar()


def count_by_status_fixed(session, status):
    # ok: sql-injection
    return session.execute(text("SELECT count(*) FROM tickets WHERE status = :status"), {"status": status}).scalar()


# A command-line maintenance script.
def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--user")
    args = parser.parse_args()
    conn = sqlite3.connect("app.db")
    # expect: sql-injection
    conn.execute("UPDATE users SET active = 0 WHERE username = '%s'" % args.user)
    # ok: sql-injection
    conn.execute("UPDATE users SET active = 0 WHERE username = ?", (args.user,))
    conn.commit()


# A Django model manager's raw() with a %-formatted filter.
class ProductManager:
    def in_category(self, category):
        # expect: sql-injection
        return self.raw("SELECT * FROM shop_product WHERE category = '%s'" % category)

    def in_category_fixed(self, category):
        # ok: sql-injection
        return self.raw("SELECT * FROM shop_product WHERE category = %s", [category])


# An IN list built by joining values, fixed with one placeholder per value.
def load_many(cursor, ids):
    # todo-expect: sql-injection  (quoted values joined from a generator of a parameter list)
    cursor.execute("SELECT * FROM items WHERE id IN (%s)" % ",".join("'%s'" % i for i in ids))
    return cursor.fetchall()


def load_many_fixed(cursor, ids):
    marks = ",".join(["%s"] * len(ids))
    # ok: sql-injection
    cursor.execute("SELECT * FROM items WHERE id IN (%s)" % marks, ids)
    return cursor.fetchall()


# A LIKE filter built with a .format() on a separate line from an executemany-style call.
def search_logs(conn, needle, limit):
    query = (
        "SELECT ts, line FROM logs "
        # expect: sql-injection
        "WHERE line LIKE '%{}%' ".format(needle)
        + "LIMIT 100"
    )
    # expect: sql-injection
    return conn.execute(query).fetchall()


# peewee's execute_sql in a repository class.
class TagRepository:
    def __init__(self, database):
        self.database = database

    def by_label(self, label):
        # expect: sql-injection
        return self.database.execute_sql(f"SELECT id FROM tag WHERE label = '{label}'").fetchall()

    def by_label_fixed(self, label):
        # ok: sql-injection
        return self.database.execute_sql("SELECT id FROM tag WHERE label = ?", (label,)).fetchall()


# A login check with the query wrapped over several lines: the values sit two lines below the call.
def check_login(cursor, username, password):
    # expect: sql-injection
    cursor.execute(
        "SELECT id FROM accounts "
        "WHERE username = '%s' AND password_hash = '%s'"
        # expect: sql-injection
        % (username, password)
    )
    return cursor.fetchone()


def check_login_fixed(cursor, username, password):
    cursor.execute(
        "SELECT id FROM accounts "
        "WHERE username = %s AND password_hash = %s",
        # ok: sql-injection
        (username, password),
    )
    return cursor.fetchone()
