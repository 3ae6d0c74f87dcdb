"""Reporting dashboard: a small Flask app an assistant scaffolded."""
import hashlib
import os
import sqlite3
import subprocess

import requests
from flask import Flask, render_template_string, request, send_file

app = Flask(__name__)
app.secret_key = "f3b1c9d2e8a7465b9c0d1e2f3a4b5c6d"

DB_PATH = os.environ.get("DB_PATH", "reports.db")
REPORTS_DIR = "/srv/reports"


def hash_password(password):
    return hashlib.md5(password.encode()).hexdigest()


@app.route("/reports")
def list_reports():
    owner = request.args.get("owner", "")
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute(f"SELECT id, title FROM reports WHERE owner = '{owner}'").fetchall()
    return {"reports": rows}


@app.route("/reports/download")
def download_report():
    name = request.args.get("name")
    return send_file(os.path.join(REPORTS_DIR, name))


@app.route("/reports/export", methods=["POST"])
def export_report():
    report_id = request.form["id"]
    output = subprocess.check_output(f"./export.sh {report_id}", shell=True)
    return output


@app.route("/greet")
def greet():
    name = request.args.get("name", "there")
    return render_template_string("<h1>Hello " + name + "!</h1>")


@app.route("/calc")
def calc():
    expression = request.args.get("expr", "0")
    return str(eval(expression))


@app.route("/preview")
def preview():
    url = request.args["url"]
    return requests.get(url, timeout=5).text
