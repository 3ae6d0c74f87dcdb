# Blind set: SQL injection shapes from PyPI advisories and training apps (DB-API, SQLAlchemy, Django), with their fixes.
from psycopg2 import sql
import pandas as pd
import sqlite3

from django.db import connection
from django.db.models.expressions import RawSQL
from flask import Flask, request
from sqlalchemy import text

app = Flask(__name__)


def get_user(conn, username):
    cur = conn.cursor()
    # expect: sql-injection
    cur.execute(f"SELECT * FROM users WHERE username = '{username}'")
    return cur.fetchone()


def get_user_fixed(conn, username):
    cur = conn.cursor()
    # ok: sql-injection
    cur.execute("SELECT * FROM users WHERE username = ?", (username,))
    return cur.fetchone()


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    pw = request.form["password"]
    db = sqlite3.connect("app.db")
    # expect: sql-injection
    query = "SELECT id FROM users WHERE name = '%s' AND password = '%s'" % (user, pw)
    # expect: sql-injection
    row = db.execute(query).fetchone()
    return "ok" if row else "denied"


@app.route("/login-fixed", methods=["POST"])
def login_fixed():
    user = request.form["user"]
    pw = request.form["password"]
    db = sqlite3.connect("app.db")
    query = "SELECT id FROM users WHERE name = ? AND password = ?"
    # ok: sql-injection
    row = db.execute(query, (user, pw)).fetchone()
    return "ok" if row else "denied"


def count_rows(cursor, table, where_column, value):
    # expect: sql-injection
    cursor.execute("SELECT COUNT(*) FROM {} WHERE {} = %s".format(table, where_column), (value,))
    return cursor.fetchone()[0]


def list_orders(session, sort):
    # expect: sql-injection
    return session.execute(text("SELECT * FROM orders ORDER BY " + sort)).fetchall()


def list_orders_fixed(session, sort):
    if sort not in {"created", "total"}:
        sort = "created"
    # ok: sql-injection
    return session.execute(text("SELECT * FROM orders ORDER BY " + sort)).fetchall()


def search_products(session, term):
    # expect: sql-injection
    return session.execute(text(f"SELECT * FROM products WHERE name LIKE '%{term}%'"))


def search_products_fixed(session, term):
    # ok: sql-injection
    return session.execute(text("SELECT * FROM products WHERE name LIKE :term"), {"term": f"%{term}%"})


def articles_by_author(request):
    author = request.GET.get("author")
    # expect: sql-injection
    return Article.objects.raw("SELECT * FROM blog_article WHERE author = '%s'" % author)


def articles_by_author_fixed(request):
    author = request.GET.get("author")
    # ok: sql-injection
    return Article.objects.raw("SELECT * FROM blog_article WHERE author = %s", [author])


def annotate_distance(qs, lat, lng):
    # todo-expect: sql-injection
    return qs.annotate(distance=RawSQL("point(%s, %s) <-> location" % (lat, lng), []))


def annotate_distance_fixed(qs, lat, lng):
    # ok: sql-injection
    return qs.annotate(distance=RawSQL("point(%s, %s) <-> location", (lat, lng)))


def filtered(request):
    status = request.GET["status"]
    # expect: sql-injection
    return Ticket.objects.extra(where=["status = '%s'" % status])


def delete_item(item_id):
    with connection.cursor() as cursor:
        # expect: sql-injection
        cursor.execute("DELETE FROM items WHERE id = " + str(item_id))


def delete_item_fixed(item_id):
    with connection.cursor() as cursor:
        # ok: sql-injection
        cursor.execute("DELETE FROM items WHERE id = %s", [item_id])


def drop_table(cursor, table_name):
    # todo-expect: sql-injection
    cursor.execute("DROP TABLE IF EXISTS %s" % table_name)


class Article:
    objects = None


class Ticket:
    objects = None


def fetch_many(cursor, ids):
    # expect: sql-injection
    cursor.execute("SELECT * FROM docs WHERE id IN (%s)" % ",".join(ids))
    return cursor.fetchall()


def fetch_many_fixed(cursor, ids):
    placeholders = ",".join(["%s"] * len(ids))
    # ok: sql-injection
    cursor.execute("SELECT * FROM docs WHERE id IN (%s)" % placeholders, ids)
    return cursor.fetchall()


def select_table(conn, table):
    with conn.cursor() as cur:
        # ok: sql-injection
        cur.execute(sql.SQL("SELECT * FROM {}").format(sql.Identifier(table)))
        return cur.fetchall()


def report(conn, start, end):
    # expect: sql-injection
    return pd.read_sql(f"SELECT * FROM sales WHERE day BETWEEN '{start}' AND '{end}'", conn)


def report_fixed(conn, start, end):
    # ok: sql-injection
    return pd.read_sql("SELECT * FROM sales WHERE day BETWEEN %(s)s AND %(e)s", conn, params={"s": start, "e": end})


def legacy_filter(session, User, name):
    # expect: sql-injection
    return session.query(User).filter("name = '%s'" % name).all()


def run_engine(engine, user_id):
    # expect: sql-injection
    return engine.execute("UPDATE users SET active = 0 WHERE id = " + user_id)


@app.route("/products")
def products():
    category = request.args.get("category")
    conn = sqlite3.connect("shop.db")
    cur = conn.cursor()
    # expect: sql-injection
    sql_query = "SELECT name, price FROM products WHERE category = '" + category + "'"
    # expect: sql-injection
    cur.execute(sql_query)
    return str(cur.fetchall())
