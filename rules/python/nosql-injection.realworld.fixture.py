# Real-world shapes of NoSQL (MongoDB) injection in Python web apps, each beside its fix.
import json

from flask import Flask, abort, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient("mongodb://localhost:27017").app


# Login with JSON fields straight into the filter: {"password": {"$ne": ""}} logs in as anyone.
@app.route("/api/login", methods=["POST"])
def api_login():
    creds = request.get_json()
    # expect: nosql-injection
    user = db.users.find_one({"email": creds["email"], "password": creds["password"]})
    return jsonify(ok=bool(user))


@app.route("/api/login-fixed", methods=["POST"])
def api_login_fixed():
    creds = request.get_json()
    email, password = creds.get("email"), creds.get("password")
    if not isinstance(email, str) or not isinstance(password, str):
        abort(400)
    # ok: nosql-injection
    user = db.users.find_one({"email": email, "password": password})
    return jsonify(ok=bool(user))


# A filter document taken whole from the JSON body, paged.
@app.route("/api/products", methods=["POST"])
def products():
    body = request.get_json(force=True)
    page = int(body.pop("page", 0))
    # expect: nosql-injection
    cursor = db.products.find(body).skip(page * 20).limit(20)
    return jsonify([p["name"] for p in cursor])


# $where with JavaScript built from input.
@app.route("/api/expensive")
def expensive():
    limit = request.args.get("min", "0")
    # expect: nosql-injection
    cursor = db.products.find({"$where": "this.price > " + limit})
    return jsonify([p["name"] for p in cursor])


@app.route("/api/expensive-fixed")
def expensive_fixed():
    limit = float(request.args.get("min", "0"))
    # ok: nosql-injection
    cursor = db.products.find({"price": {"$gt": limit}})
    return jsonify([p["name"] for p in cursor])


# A string coerced with str() cannot be an operator object.
@app.route("/api/reset", methods=["POST"])
def reset():
    token = request.json.get("token")
    # ok: nosql-injection
    record = db.tokens.find_one({"token": str(token)})
    return jsonify(found=bool(record))


# update with a client-built update document.
@app.route("/api/profile", methods=["PATCH"])
def patch_profile():
    changes = request.get_json()
    # expect: nosql-injection
    db.users.update_one({"_id": 1}, changes)
    return "", 204


@app.route("/api/profile-fixed", methods=["PATCH"])
def patch_profile_fixed():
    changes = request.get_json()
    # ok: nosql-injection
    db.users.update_one({"_id": 1}, {"$set": {"display_name": str(changes.get("display_name", ""))}})
    return "", 204
