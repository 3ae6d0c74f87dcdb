# Blind set: exception messages and tracebacks returned to the client (Flask, Django, FastAPI, aiohttp), with fixes.
import traceback

from aiohttp import web
from django.http import JsonResponse
from fastapi import FastAPI, HTTPException
from flask import Flask, jsonify

app = Flask(__name__)
api = FastAPI()
logger = None


@app.route("/process")
def process():
    try:
        return do_work()
    except Exception as e:
        # expect: error-details-exposed
        return jsonify({"error": str(e)}), 500


@app.route("/process-fixed")
def process_fixed():
    try:
        return do_work()
    except Exception:
        app.logger.exception("process failed")
        # ok: error-details-exposed
        return jsonify({"error": "internal error"}), 500


@app.errorhandler(500)
def server_error(e):
    # expect: error-details-exposed
    return "<pre>" + traceback.format_exc() + "</pre>", 500


def django_view(request):
    try:
        return JsonResponse(do_work())
    except Exception as exc:
        # expect: error-details-exposed
        return JsonResponse({"status": "error", "message": repr(exc)}, status=500)


@api.get("/items")
async def items():
    try:
        return do_work()
    except Exception as e:
        # expect: error-details-exposed
        raise HTTPException(status_code=500, detail=str(e))


@api.get("/items-fixed")
async def items_fixed():
    try:
        return do_work()
    except KeyError:
        # ok: error-details-exposed
        raise HTTPException(status_code=404, detail="item not found")


async def aio_handler(request):
    try:
        return web.json_response(do_work())
    except Exception as err:
        # expect: error-details-exposed
        return web.json_response({"error": f"{type(err).__name__}: {err}", "trace": traceback.format_exc()}, status=500)


def do_work():
    return {}


@app.route("/upload", methods=["POST"])
def upload():
    try:
        return do_work()
    except ValueError as e:
        # todo-expect: error-details-exposed
        return str(e), 400


@app.route("/debug-trace")
def debug_trace():
    try:
        return do_work()
    except Exception:
        # expect: error-details-exposed
        return jsonify(trace=traceback.format_exc()), 500
