# Real-world shapes of regex injection (ReDoS, pattern tampering) in Python web apps, each beside its fix.
import re

from flask import Flask, jsonify, request

app = Flask(__name__)
NAMES = ["alice", "bob", "carol"]


@app.route("/filter")
def filter_names():
    pattern = request.args.get("pattern", "")
    # expect: regex-injection
    return jsonify([n for n in NAMES if re.search(pattern, n)])


@app.route("/filter-fixed")
def filter_names_fixed():
    pattern = request.args.get("pattern", "")
    # ok: regex-injection
    return jsonify([n for n in NAMES if re.search(re.escape(pattern), n)])


@app.route("/highlight")
def highlight():
    term = request.args["term"]
    text = "some long document"
    # expect: regex-injection
    return re.sub("(" + term + ")", r"<mark>\1</mark>", text)


@app.route("/highlight-fixed")
def highlight_fixed():
    term = request.args["term"]
    text = "some long document"
    # ok: regex-injection
    return re.sub("(" + re.escape(term) + ")", r"<mark>\1</mark>", text)


@app.route("/search")
def search():
    q = request.args.get("q", "")
    # expect: regex-injection
    rx = re.compile(f".*{q}.*", re.IGNORECASE)
    return jsonify([n for n in NAMES if rx.match(n)])
