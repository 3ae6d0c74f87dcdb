# The module that makes the Flask app reads its upper-case settings from itself.
import os

from flask import Flask

# expect: debug-enabled
DEBUG = True
# ok: debug-enabled
TESTING = os.environ.get("APP_TESTING") == "1"

app = Flask(__name__)
app.config.from_object(__name__)
