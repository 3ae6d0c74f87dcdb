"""Debug modes left on in real apps and settings modules, each followed by its fix."""
import os

from flask import Flask

app = Flask(__name__)
# expect: debug-enabled
app.debug = os.environ.get("FLASK_DEBUG") == "1"
# expect: debug-enabled
app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"
# ok: debug-enabled
app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"


def main():
    # expect: debug-enabled
    app.run(host="0.0.0.0", port=5000, debug=os.environ.get("FLASK_DEBUG") == "1")


def main_fixed():
    # ok: debug-enabled
    app.run(host="0.0.0.0", port=5000, debug=os.environ.get("FLASK_DEBUG") == "1")


if __name__ == "__main__":
    # expect: debug-enabled
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")


def serve_positional():
    # expect: debug-enabled
    app.run("0.0.0.0", 8080, os.environ.get("FLASK_DEBUG") == "1")


def serve_positional_fixed():
    # ok: debug-enabled
    app.run("0.0.0.0", 8080, False)
