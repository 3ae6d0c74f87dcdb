# Search/validation helpers of a vulnerable app and a small validation library.
import re

from flask import Flask, request

app = Flask(__name__)


@app.route("/grep")
def grep():
    pattern = request.args["pattern"]
    lines = open("/srv/app/data.txt").read().splitlines()
    # expect: regex-injection
    return "\n".join(l for l in lines if re.search(pattern, l))


@app.route("/grep-safe")
def grep_safe():
    pattern = request.args["pattern"]
    lines = open("/srv/app/data.txt").read().splitlines()
    # ok: regex-injection
    return "\n".join(l for l in lines if re.search(re.escape(pattern), l))


@app.route("/users")
def find_users():
    prefix = request.args.get("prefix", "")
    # expect: regex-injection
    rx = re.compile("^" + prefix + ".*$", re.I)
    return {"users": [u for u in ["alice", "bob"] if rx.match(u)]}


# ---- library: validators ----

# expect: regex-injection
EMAIL_RE = re.compile(r"^([a-zA-Z0-9_\.\-])+@(([a-zA-Z0-9\-])+\.)+([a-zA-Z0-9]{2,4})+$")

# ok: regex-injection
EMAIL_RE_SAFE = re.compile(r"^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*\.[a-zA-Z]{2,}$")

# expect: regex-injection
URL_RE = re.compile(r"^(https?://)?([\w.-]+)+(:\d+)?(/[\w.-]*)*/?$")


def is_valid_name(name):
    # expect: regex-injection
    return re.match(r"^(\w+\s?)*$", name) is not None


def is_valid_name_safe(name):
    # ok: regex-injection
    return re.fullmatch(r"\w+(?: \w+)*", name) is not None


def highlight(text, words):
    # expect: regex-injection
    return re.sub("(%s)" % "|".join(words), r"<b>\1</b>", text)


def highlight_safe(text, words):
    # ok: regex-injection
    return re.sub("(%s)" % "|".join(map(re.escape, words)), r"<b>\1</b>", text)
