"""Order views of the Flask app."""
import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/orders")
def list_orders():
    customer = request.args.get("customer", "")
    conn = sqlite3.connect("shop.db")
    cur = conn.cursor()
    cur.execute(f"SELECT id, total FROM orders WHERE customer = '{customer}'")
    return jsonify(cur.fetchall())
