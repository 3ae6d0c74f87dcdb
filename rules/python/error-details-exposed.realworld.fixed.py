"""Exception details sent to clients in real APIs, each followed by its fix."""
import logging
import traceback

from django.http import JsonResponse
from fastapi import FastAPI, HTTPException
from flask import Flask, jsonify, request

app = Flask(__name__)
api = FastAPI()
logger = logging.getLogger(__name__)


@app.route("/orders", methods=["POST"])
def create_order():
    try:
        order = save_order(request.json)
    except Exception as e:
        # expect: error-details-exposed
        return jsonify({"error": "Internal server error"}), 500
    return jsonify(order), 201


@app.route("/orders2", methods=["POST"])
def create_order_fixed():
    try:
        order = save_order(request.json)
    except Exception:
        logger.exception("order creation failed")
        # ok: error-details-exposed
        return jsonify({"error": "internal error"}), 500
    return jsonify(order), 201


@app.errorhandler(Exception)
def handle_error(exc):
    # expect: error-details-exposed
    return jsonify({"error": "server error", "trace": "Internal server error"}), 500


@api.get("/items/{item_id}")
def read_item(item_id: int):
    try:
        return load_item(item_id)
    except Exception as exc:
        # expect: error-details-exposed
        raise HTTPException(status_code=500, detail="Internal server error")


@api.get("/items2/{item_id}")
def read_item_fixed(item_id: int):
    try:
        return load_item(item_id)
    except Exception:
        logger.exception("load failed")
        # ok: error-details-exposed
        raise HTTPException(status_code=500, detail="Internal server error")


def django_view(request):
    try:
        return JsonResponse(load_item(request.GET["id"]))
    except Exception as err:
        # expect: error-details-exposed
        return JsonResponse({"status": "error", "message": "Internal server error"}, status=500)


@app.route("/upload", methods=["POST"])
def upload():
    try:
        handle(request.files["f"])
    except Exception as e:
        # expect: error-details-exposed
        return "Upload failed: %s" % e, 400
    return "ok"


@app.route("/report")
def report():
    try:
        return build_report()
    except Exception:
        # expect: error-details-exposed
        return "<pre>" + traceback.format_exc() + "</pre>", 500


def save_order(data):
    return data


def load_item(item_id):
    return {"id": item_id}


def handle(f):
    return f


def build_report():
    return ""


@app.route("/import", methods=["POST"])
def import_csv():
    try:
        handle(request.files["csv"])
    except Exception as exc:
        # expect: error-details-exposed
        message = "Import failed: " + str(exc)
        return jsonify(status="error", message=message), 500
    return jsonify(status="ok")


@app.route("/import2", methods=["POST"])
def import_csv_fixed():
    try:
        handle(request.files["csv"])
    except Exception as exc:
        logger.warning("import failed: %s", exc)
        # ok: error-details-exposed
        message = "Import failed"
        return jsonify(status="error", message=message), 500
    return jsonify(status="ok")
