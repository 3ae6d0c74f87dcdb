# Blind set: ReDoS literals and regex injection shapes from PyPI advisories, with their fixes.
import re

from flask import Flask, request

app = Flask(__name__)

# expect: regex-injection
EMAIL_RE = re.compile(r"^([a-zA-Z0-9_\.\-])+@(([a-zA-Z0-9\-])+\.)+([a-zA-Z0-9]{2,4})+$")
# ok: regex-injection
EMAIL_RE_FIXED = re.compile(r"^[a-zA-Z0-9_.\-]+@(?:[a-zA-Z0-9\-]+\.)+[a-zA-Z0-9]{2,24}$")

# expect: regex-injection
URL_RE = re.compile(r"^(https?://)?([\w\-]+\.)+[\w\-]+(/[\w\-./?%&=]*)*$")

# expect: regex-injection
HEADER_RE = re.compile(r"(\s*\w+\s*)*:")

# ok: regex-injection
HEADER_RE_FIXED = re.compile(r"\s*(\w+)\s*:")


def strip_trailing(text):
    # expect: regex-injection
    return re.sub(r"(\s+)+$", "", text)


def strip_trailing_fixed(text):
    # ok: regex-injection
    return text.rstrip()


@app.route("/grep")
def grep():
    pattern = request.args.get("pattern", "")
    # expect: regex-injection
    return str([line for line in LINES if re.search(pattern, line)])


@app.route("/grep-fixed")
def grep_fixed():
    pattern = request.args.get("pattern", "")
    # ok: regex-injection
    return str([line for line in LINES if re.search(re.escape(pattern), line)])


def highlight(text, term):
    # expect: regex-injection
    return re.sub("(" + term + ")", r"<b>\1</b>", text, flags=re.I)


LINES = ["a", "b"]

# expect: regex-injection
OPTION_RE = re.compile(r'(?:;|^)\s*([-_.a-zA-Z0-9]+)\s*=\s*("(?:\\.|[^"])*"|[^;\s]*)')
# ok: regex-injection
OPTION_RE_FIXED = re.compile(r'(?:;|^)\s*([-_.a-zA-Z0-9]+)\s*=\s*("(?:\\.|[^"\\])*"|[^;\s]*)')

# expect: regex-injection
COMMENT_RE = re.compile(r"<!--(.|\s)*?-->")
# ok: regex-injection
COMMENT_RE_FIXED = re.compile(r"<!--.*?-->", re.S)
