import logging

import pandas as pd
import psycopg2
from django.db import connection
from django.db.models.expressions import RawSQL
from flask import Flask, jsonify, request
from sqlalchemy import text

from .models import Account, Article, Product

app = Flask(__name__)
log = logging.getLogger(__name__)
ORDERABLE = {"name", "price", "created_at"}
TABLE = "products"


def get_db():
    return psycopg2.connect(dsn=app.config["DATABASE_URL"])


@app.route("/users/search")
def search_users():
    name = request.args.get("name", "")
    cur = get_db().cursor()
    # expect: sql-injection
    cur.execute(f"SELECT id, name, email FROM users WHERE name = '{name}'")
    return jsonify(cur.fetchall())


@app.route("/users/<user_id>")
def show_user(user_id):
    cur = get_db().cursor()
    # expect: sql-injection
    cur.execute("SELECT * FROM users WHERE id = %s" % user_id)
    return jsonify(cur.fetchone())


@app.route("/orders")
def list_orders():
    status = request.args["status"]
    customer = request.args.get("customer")
    # expect: sql-injection
    query = "SELECT * FROM orders WHERE status = '{}' AND customer = '{}'".format(status, customer)
    cur = get_db().cursor()
    # expect: sql-injection
    cur.execute(query)
    return jsonify(cur.fetchall())


@app.route("/products")
def list_products():
    sort = request.args.get("sort", "name")
    sql = "SELECT * FROM products WHERE active = true"
    if request.args.get("category"):
        # expect: sql-injection
        sql += " AND category = '" + request.args["category"] + "'"
    sql += " ORDER BY name"
    cur = get_db().cursor()
    cur.execute("SET statement_timeout = 5000")
    log.info("listing products sorted by %s", sort)
    # expect: sql-injection
    cur.execute(sql)
    return jsonify(cur.fetchall())


@app.route("/reports/<int:year>")
def report(year):
    column = request.args.get("column")
    # expect: sql-injection
    frame = pd.read_sql(f"SELECT {column}, SUM(total) FROM sales WHERE year = {year} GROUP BY 1", get_db())
    return frame.to_json()


def delete_user(conn, username):
    """Library helper: the caller decides what username is."""
    with conn.cursor() as cur:
        # expect: sql-injection
        cur.execute("DELETE FROM users WHERE username = '%s'" % username)


def find_by_email(session, email):
    # expect: sql-injection
    return session.execute(text(f"SELECT * FROM accounts WHERE email = '{email}'")).fetchall()


def articles_by_author(author):
    # expect: sql-injection
    return Article.objects.raw("SELECT * FROM blog_article WHERE author = '" + author + "'")


def annotate_score(request):
    weight = request.GET.get("weight")
    # expect: sql-injection
    return Product.objects.annotate(score=RawSQL("price * " + weight, []))


def legacy_filter(request):
    brand = request.GET["brand"]
    # expect: sql-injection
    return Product.objects.extra(where=["brand = '%s'" % brand])


def rename_tag(cursor, tag_id, new_name):
    # expect: sql-injection
    cursor.execute("UPDATE tags SET name = '{0}' WHERE id = {1}".format(new_name, tag_id))


def find_by_name_legacy(session, name):
    # expect: sql-injection
    return session.query(Account).filter("username = '%s'" % name).first()


def sorted_accounts(session, request):
    # expect: sql-injection
    return session.query(Account).order_by(request.args["sort"] + " desc").all()


def raw_console(request):
    statement = request.POST["sql"]
    with connection.cursor() as cursor:
        # expect: sql-injection
        cursor.execute(statement)
        return cursor.fetchall()


@app.route("/users/lookup")
def lookup_user():
    name = request.args.get("name", "")
    cur = get_db().cursor()
    # ok: sql-injection
    cur.execute("SELECT id, name FROM users WHERE name = %s", (name,))
    return jsonify(cur.fetchall())


@app.route("/users/by-ids")
def users_by_ids():
    ids = request.args.getlist("id")
    placeholders = ", ".join(["%s"] * len(ids))
    cur = get_db().cursor()
    # ok: sql-injection
    cur.execute(f"SELECT * FROM users WHERE id IN ({placeholders})", ids)
    return jsonify(cur.fetchall())


@app.route("/products/sorted")
def sorted_products():
    sort = request.args.get("sort", "name")
    if sort not in ORDERABLE:
        return jsonify(error="bad sort"), 400
    cur = get_db().cursor()
    # ok: sql-injection
    cur.execute(f"SELECT * FROM products ORDER BY {sort}")
    return jsonify(cur.fetchall())


@app.route("/page")
def paged():
    page = int(request.args.get("page", 1))
    size = request.args.get("size", 20, type=int)
    cur = get_db().cursor()
    # ok: sql-injection
    cur.execute(f"SELECT * FROM products LIMIT {size} OFFSET {(page - 1) * size}")
    return jsonify(cur.fetchall())


def count_rows(cur, table):
    """Table names cannot be parameters; this helper is only called with names from the schema."""
    # ok: sql-injection
    cur.execute(f"SELECT COUNT(*) FROM {table}")
    return cur.fetchone()[0]


def products_table(cur):
    # ok: sql-injection
    cur.execute("SELECT * FROM %s WHERE stock > 0" % TABLE)
    return cur.fetchall()


def archive_older_than(cur, days):
    # ok: sql-injection
    cur.execute("DELETE FROM events WHERE created < now() - interval '%d days'" % int(days))


def search_by_where(cur, clauses, params):
    where = " AND ".join(clauses)
    # ok: sql-injection
    cur.execute("SELECT * FROM items WHERE " + where, params)
    return cur.fetchall()


def find_by_email_safely(session, email):
    # ok: sql-injection
    return session.execute(text("SELECT * FROM accounts WHERE email = :email"), {"email": email}).fetchall()


def articles_by_author_safely(author):
    # ok: sql-injection
    return Article.objects.raw("SELECT * FROM blog_article WHERE author = %s", [author])


class Worker:
    def run(self, executor, job):
        # ok: sql-injection
        executor.execute(f"job-{job.id}")


def active_articles(request):
    # ok: sql-injection
    return Article.objects.filter(title__icontains=request.GET.get("q", "")).order_by("-published")


def by_status(session, status):
    # ok: sql-injection
    return session.query(Account).filter(Account.status == status).all()


def log_query(request):
    term = request.GET.get("q", "")
    # ok: sql-injection
    log.info("SELECT * FROM items WHERE title LIKE '%s'" % term)


def test_search_builds_query(cur):
    name = "o'brien"
    # ok: sql-injection
    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
