import os
import json
from datetime import datetime
# ok: undeclared-dependency
import requests
# ok: undeclared-dependency
import yaml
# ok: undeclared-dependency
from dateutil import parser as date_parser
# ok: undeclared-dependency
from flask import Flask, jsonify, request
# ok: undeclared-dependency
from google.cloud import storage
# ok: undeclared-dependency
from app.models import Invoice
# ok: undeclared-dependency
import settings
# ok: undeclared-dependency
from . import helpers
# expect: undeclared-dependency
import stripe
# expect: undeclared-dependency
from jose import jwt

try:
    # ok: undeclared-dependency
    import ujson as fast_json
except ImportError:
    fast_json = json

app = Flask(__name__)


@app.post("/invoices")
def create_invoice():
    payload = request.get_json()
    invoice = Invoice(amount=payload["amount"], due=date_parser.parse(payload["due"]))
    stripe.api_key = os.environ["STRIPE_KEY"]
    return jsonify(invoice.to_dict()), 201


def export_invoices(bucket_name):
    # expect: undeclared-dependency
    import boto3
    rows = [i.to_dict() for i in Invoice.all()]
    storage.Client().bucket(bucket_name).blob(f"{datetime.utcnow():%Y%m%d}.yaml").upload_from_string(yaml.safe_dump(rows))
    boto3.client("s3")
    return requests.codes.ok, fast_json.dumps(rows), helpers, jwt, settings.DEBUG
