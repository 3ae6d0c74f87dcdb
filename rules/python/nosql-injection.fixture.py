import json

from bson import ObjectId
from django.http import JsonResponse
from fastapi import Body, FastAPI
from flask import Flask, abort, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
api = FastAPI()
client = MongoClient("mongodb://localhost:27017")
db = client.shop


@app.route("/login", methods=["POST"])
def login():
    data = request.get_json()
    # expect: nosql-injection
    user = db.users.find_one({"username": data["username"], "password": data["password"]})
    if not user:
        abort(401)
    return jsonify(id=str(user["_id"]))


@app.route("/products/search", methods=["POST"])
def search_products():
    # expect: nosql-injection
    results = db.products.find(request.json)
    return jsonify([p["name"] for p in results])


@app.route("/orders")
def list_orders():
    query = json.loads(request.args.get("filter", "{}"))
    # expect: nosql-injection
    return jsonify(list(db.orders.find(query, {"_id": 0})))


@app.route("/users/by-age")
def users_by_age():
    age = request.args.get("age")
    # expect: nosql-injection
    found = db.users.find({"$where": "this.age > " + age})
    return jsonify([u["name"] for u in found])


def reset_token(request):
    body = json.loads(request.body)
    # expect: nosql-injection
    record = db.tokens.find_one({"token": body.get("token")})
    return JsonResponse({"valid": record is not None})


@api.post("/items/query")
async def query_items(criteria: dict = Body(...)):
    # expect: nosql-injection
    return list(db.items.find(criteria))


@app.route("/profile", methods=["PUT"])
def update_profile():
    payload = request.get_json()
    # expect: nosql-injection
    db.users.update_one({"email": payload["email"]}, {"$set": {"bio": payload["bio"]}})
    return "", 204


@app.route("/delete", methods=["POST"])
def delete_entries():
    # expect: nosql-injection
    db.entries.delete_many({"owner": request.json.get("owner")})
    return "", 204


def search_by_name(collection, name):
    # expect: nosql-injection
    return collection.find({"$where": f"this.name == '{name}'"})


@app.route("/count", methods=["POST"])
def count():
    # expect: nosql-injection
    return jsonify(db.events.count_documents({"type": request.json["type"]}))


@app.route("/filter")
def filter_args():
    # expect: nosql-injection
    return jsonify(list(db.logs.find(request.args.to_dict())))


@app.route("/nested", methods=["POST"])
def nested():
    data = request.get_json()
    # expect: nosql-injection
    return jsonify(list(db.users.find({"$and": [{"active": True}, {"role": data["role"]}]})))


@app.route("/login-safe", methods=["POST"])
def login_safe():
    data = request.get_json()
    # ok: nosql-injection
    user = db.users.find_one({"username": str(data["username"])})
    return jsonify(found=user is not None)


@app.route("/login-checked", methods=["POST"])
def login_checked():
    username = request.json.get("username")
    if not isinstance(username, str):
        abort(400)
    # ok: nosql-injection
    return jsonify(found=db.users.find_one({"username": username}) is not None)


@app.route("/by-name")
def by_name():
    # ok: nosql-injection
    return jsonify(list(db.users.find({"name": request.args.get("name")})))


@app.route("/form-login", methods=["POST"])
def form_login():
    # ok: nosql-injection
    return jsonify(found=db.users.find_one({"email": request.form["email"]}) is not None)


@app.route("/item/<item_id>")
def item(item_id):
    # ok: nosql-injection
    return jsonify(db.items.find_one({"_id": ObjectId(item_id)}))


def active_users():
    # ok: nosql-injection
    return list(db.users.find({"active": True}, {"password": 0}))


def find_by_owner(collection, owner_id):
    # ok: nosql-injection
    return collection.find({"owner_id": owner_id})


@app.route("/page")
def page():
    n = request.args.get("page", 1, type=int)
    # ok: nosql-injection
    return jsonify(list(db.items.find({"page": n})))


def text_search(request):
    term = request.GET.get("q")
    # ok: nosql-injection
    return JsonResponse({"hits": list(db.articles.find({"$text": {"$search": term}}))})


def adult_users(collection):
    # ok: nosql-injection
    return collection.find({"$where": "this.age >= 18"})


def find_in_text(haystack):
    needle = request.json["needle"]
    # ok: nosql-injection
    return haystack.find(needle)


@app.route("/typed", methods=["POST"])
def typed():
    data = request.get_json()
    # ok: nosql-injection
    return jsonify(db.orders.count_documents({"quantity": int(data["quantity"])}))


def test_login_rejects_operators(client):
    # ok: nosql-injection
    db.users.find_one({"username": request.json["username"]})
