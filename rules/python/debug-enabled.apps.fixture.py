# settings.py / run.py of vulnerable Django and Flask apps.
import os

from fastapi import FastAPI
from flask import Flask

# expect: debug-enabled
DEBUG = True
# ok: debug-enabled
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
ALLOWED_HOSTS = ["*"]

app = Flask(__name__)
# expect: debug-enabled
app.config["DEBUG"] = True
# expect: debug-enabled
api = FastAPI(debug=True)
# ok: debug-enabled
api_prod = FastAPI(debug=False)


def main():
    # ok: debug-enabled
    app.run(host="127.0.0.1", port=5000, debug=os.environ.get("FLASK_DEBUG") == "1")


if __name__ == "__main__":
    # expect: debug-enabled
    app.run(host="0.0.0.0", port=5000, debug=True)
