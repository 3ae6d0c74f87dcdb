# Blind set: NoSQL injection shapes (pymongo with request JSON, $where), with their fixes.
import json
from flask import Flask, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient()["app"]


@app.route("/login", methods=["POST"])
def login():
    data = request.get_json()
    # expect: nosql-injection
    user = db.users.find_one({"username": data["username"], "password": data["password"]})
    return jsonify(ok=bool(user))


@app.route("/login-fixed", methods=["POST"])
def login_fixed():
    data = request.get_json()
    # ok: nosql-injection
    user = db.users.find_one({"username": str(data["username"]), "password": str(data["password"])})
    return jsonify(ok=bool(user))


@app.route("/search", methods=["POST"])
def search():
    # expect: nosql-injection
    docs = list(db.items.find(request.json))
    return jsonify(len(docs))


@app.route("/older")
def older():
    age = request.args.get("age")
    # expect: nosql-injection
    docs = db.people.find({"$where": "this.age > " + age})
    return jsonify(len(list(docs)))


@app.route("/older-fixed")
def older_fixed():
    age = int(request.args.get("age"))
    # ok: nosql-injection
    docs = db.people.find({"age": {"$gt": age}})
    return jsonify(len(list(docs)))


@app.route("/users")
def users():
    # expect: nosql-injection
    docs = db.users.find({"role": request.args.to_dict()})
    return jsonify(len(list(docs)))


def find_by_filter(request):
    # expect: nosql-injection
    return list(db.orders.find(json.loads(request.GET["filter"])))
