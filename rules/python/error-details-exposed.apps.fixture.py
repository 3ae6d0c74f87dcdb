# Error handlers of vulnerable Flask/Django/FastAPI apps.
import logging
import traceback

from django.http import JsonResponse
from fastapi import FastAPI, HTTPException
from flask import Flask, jsonify

app = Flask(__name__)
api = FastAPI()
log = logging.getLogger(__name__)


@app.errorhandler(Exception)
def handle_error(exc):
    # expect: error-details-exposed
    return jsonify(error=str(exc), trace=traceback.format_exc()), 500


@app.route("/orders/<oid>")
def order(oid):
    try:
        return jsonify(load_order(oid))
    except Exception as e:
        # expect: error-details-exposed
        return jsonify({"error": str(e)}), 500


@app.route("/orders-safe/<oid>")
def order_safe(oid):
    try:
        return jsonify(load_order(oid))
    except Exception:
        log.exception("order lookup failed")
        # ok: error-details-exposed
        return jsonify({"error": "internal error"}), 500


def django_view(request):
    try:
        return JsonResponse(load_order(request.GET["id"]))
    except Exception as exc:
        # expect: error-details-exposed
        return JsonResponse({"detail": traceback.format_exc()}, status=500)


@api.get("/items/{item_id}")
def get_item(item_id: int):
    try:
        return load_order(item_id)
    except Exception as exc:
        # expect: error-details-exposed
        raise HTTPException(status_code=500, detail=repr(exc))


def load_order(oid):
    return {}
