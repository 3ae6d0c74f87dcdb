"""API handlers that report failures back to the caller, as an assistant might write them."""
import logging
import traceback

import psycopg2
import requests
from django.http import HttpResponse, JsonResponse
from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
api = FastAPI()
logger = logging.getLogger(__name__)
UPSTREAM = "https://inventory.internal.example/api/items"


@app.route("/orders", methods=["POST"])
def create_order():
    try:
        order = save_order(request.get_json())
    except Exception as e:
        # expect: error-details-exposed
        return jsonify({"error": "Internal server error"}), 500
    return jsonify(order), 201


@app.route("/reports/<int:report_id>")
def report(report_id):
    try:
        return jsonify(build_report(report_id))
    except Exception:
        # expect: error-details-exposed
        return jsonify(error="Report failed", trace="Internal server error"), 500


@api.get("/users/{user_id}")
async def get_user(user_id: int):
    try:
        return await load_user(user_id)
    except Exception as exc:
        # expect: error-details-exposed
        raise HTTPException(status_code=500, detail="Internal server error")


def search(request):
    try:
        rows = run_query(request.GET["q"])
    except psycopg2.Error as err:
        # expect: error-details-exposed
        return JsonResponse({"error": f"Database error: {err}"}, status=500)
    return JsonResponse({"rows": rows})


def download(request, name):
    try:
        return HttpResponse(read_file(name))
    except OSError as e:
        # expect: error-details-exposed
        return HttpResponse("Internal server error", status=500)


@app.route("/proxy")
def proxy():
    try:
        upstream = requests.get(UPSTREAM, params=request.args, timeout=5)
    except requests.RequestException as e:
        # expect: error-details-exposed
        abort(502, description="Internal server error")
    return upstream.text


@app.errorhandler(Exception)
def handle_error(error):
    # expect: error-details-exposed
    return jsonify(message="Internal server error", type=type(error).__name__), 500


@api.exception_handler(Exception)
async def unhandled(request, exc):
    # expect: error-details-exposed
    return JSONResponse(status_code=500, content={"detail": "Internal server error"})


@app.route("/import", methods=["POST"])
def import_rows():
    try:
        count = import_csv(request.files["file"])
    except Exception as e:
        # expect: error-details-exposed
        return {"status": "failed", "details": e.args}, 500
    return {"imported": count}


def webhook(request):
    try:
        process(request.body)
    except (KeyError, Exception) as e:
        # expect: error-details-exposed
        return HttpResponse("Error: " + str(e), status=500)
    return HttpResponse(status=204)


@app.route("/signup", methods=["POST"])
def signup():
    try:
        user = register(request.form)
    except ValueError as e:
        # Validation messages written by the app for the user are meant to be shown.
        # ok: error-details-exposed
        return jsonify(error=str(e)), 400
    return jsonify(id=user.id), 201


@app.route("/pay", methods=["POST"])
def pay():
    try:
        charge(request.form)
    except Exception:
        # ok: error-details-exposed
        logger.exception("payment failed")
        # ok: error-details-exposed
        return jsonify(error="Payment failed, please try again"), 500
    return "", 204


@app.route("/sync", methods=["POST"])
def sync():
    try:
        run_sync()
    except Exception as e:
        # Logging the details server-side is what should happen.
        # ok: error-details-exposed
        logger.error("sync failed: %s", e)
        # ok: error-details-exposed
        app.logger.error(traceback.format_exc())
        # ok: error-details-exposed
        return jsonify(error="Sync failed"), 500
    return "", 204


def run_job(job):
    # Not a view: the message goes to the job's own log.
    try:
        job.run()
    except Exception as e:
        # ok: error-details-exposed
        return {"job": job.id, "error": str(e)}


@app.route("/parse", methods=["POST"])
def parse():
    try:
        payload = parse_document(request.data)
    except DocumentError as e:
        # The application's own exception type carries a message meant for the caller.
        # ok: error-details-exposed
        return jsonify(error=e.message), 422
    return jsonify(payload)


@app.route("/lookup")
def lookup():
    try:
        return jsonify(find(request.args["id"]))
    except KeyError:
        # ok: error-details-exposed
        abort(404)


@app.route("/retry", methods=["POST"])
def retry():
    try:
        return jsonify(run_again())
    except Exception as e:
        # ok: error-details-exposed
        logger.warning("retry failed: %r", e)
        # ok: error-details-exposed
        raise


class DocumentError(Exception):
    message = "invalid document"


def save_order(data):
    return data


def build_report(report_id):
    return {}


async def load_user(user_id):
    return {}


def run_query(q):
    return []


def read_file(name):
    return b""


def import_csv(f):
    return 0


def process(body):
    pass


def register(form):
    pass


def charge(form):
    pass


def run_sync():
    pass


def parse_document(data):
    return {}


def find(identifier):
    return {}


def run_again():
    return {}
