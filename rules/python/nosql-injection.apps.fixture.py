# MongoDB-backed login/search of a vulnerable app.
import json

from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient()["shop"]


@app.route("/login", methods=["POST"])
def login():
    creds = request.get_json()
    # expect: nosql-injection
    user = db.users.find_one({"username": creds["username"], "password": creds["password"]})
    return "ok" if user else "denied"


@app.route("/login-safe", methods=["POST"])
def login_safe():
    creds = request.get_json()
    # ok: nosql-injection
    user = db.users.find_one({"username": str(creds["username"]), "password": str(creds["password"])})
    return "ok" if user else "denied"


@app.route("/products")
def products():
    where = request.args["where"]
    # expect: nosql-injection
    return {"items": list(db.products.find({"$where": "this.category == '" + where + "'"}))}


@app.route("/query")
def query():
    filt = json.loads(request.args["filter"])
    # expect: nosql-injection
    return {"items": list(db.products.find(filt))}
