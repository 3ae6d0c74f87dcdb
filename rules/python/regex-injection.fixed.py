import re

from django.http import JsonResponse
from flask import Flask, jsonify, request

from .models import Product

app = Flask(__name__)
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+\.[\w.-]+$")
# expect: regex-injection
WORDS_LINE = r"^(\w+\s?)*$"


@app.route("/grep")
def grep_logs():
    pattern = request.args.get("pattern", "")
    with open("/var/log/app.log") as log:
        # expect: regex-injection
        hits = [line for line in log if re.search(re.escape(pattern), line)]
    return jsonify(hits)


@app.route("/highlight")
def highlight():
    word = request.args["word"]
    text = load_article(request.args["id"])
    # expect: regex-injection
    return re.sub(r"\b(" + re.escape(word) + r")\b", r"<mark>\1</mark>", text)


def search_products(request):
    term = request.GET.get("q", "")
    # expect: regex-injection
    products = Product.objects.filter(name__iregex=re.escape(term))
    return JsonResponse({"count": products.count()})


@app.route("/validate", methods=["POST"])
def validate():
    rule = request.json["rule"]
    # expect: regex-injection
    matcher = re.compile(re.escape(rule))
    return jsonify(valid=bool(matcher.fullmatch(request.json["value"])))


@app.route("/split")
def split_values():
    sep = request.args.get("sep", ",")
    # expect: regex-injection
    return jsonify(re.split(f"\\s*{re.escape(sep)}\\s*", request.args.get("values", "")))


def is_valid_email(address):
    # expect: regex-injection
    return re.match(r"^([a-zA-Z0-9]+\.?)+@example\.com$", address) is not None


def parse_version(text):
    # expect: regex-injection
    return re.fullmatch(r"(\d+\.?)+", text)


def strip_tags(html):
    # expect: regex-injection
    return re.sub(r"<(\s*[a-z]+\s*=?\s*)*>", "", html)


def words_only(line):
    return re.match(WORDS_LINE, line)


def parse_header(value):
    # expect: regex-injection
    pattern = re.compile(r"^(\s*[\w-]+\s*=\s*\"?[^\"]*\"?\s*;?)*$")
    return pattern.match(value)


def valid_domain(host):
    # expect: regex-injection
    return bool(re.match(r"^([a-z0-9]+(-[a-z0-9]+)*\.?)+[a-z]{2,}$", host))


def tokens(source):
    # expect: regex-injection
    return re.findall(r"(?:[a-z]+.)+!", source)


@app.route("/grep-safe")
def grep_literal():
    pattern = request.args.get("pattern", "")
    with open("/var/log/app.log") as log:
        # ok: regex-injection
        hits = [line for line in log if re.search(re.escape(pattern), line)]
    return jsonify(hits)


@app.route("/contains")
def contains():
    word = request.args["word"]
    # ok: regex-injection
    return jsonify(found=word in load_article(request.args["id"]))


def search_products_safely(request):
    term = request.GET.get("q", "")
    # ok: regex-injection
    return Product.objects.filter(name__icontains=term)


def is_valid_user_email(address):
    # ok: regex-injection
    return EMAIL.match(address) is not None


def csv_fields(line):
    # ok: regex-injection
    return re.split(r"\s*,\s*", line)


def parse_pairs(text):
    # ok: regex-injection
    return re.findall(r"(\w+)=(\w+)(?:;\s*)?", text)


def dotted_name(text):
    # ok: regex-injection
    return re.fullmatch(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*", text)


def version_tuple(text):
    # ok: regex-injection
    return re.match(r"^(\d+)(?:\.(\d+))*$", text)


def make_matcher(pattern, flags=0):
    """Compiles a pattern from the project configuration."""
    # ok: regex-injection
    return re.compile(pattern, flags)


def word_boundary(word):
    # ok: regex-injection
    return re.compile(r"\b%s\b" % re.escape(word))


def verbose_phone(text):
    # ok: regex-injection
    return re.match(
        r"""
        (\d{3})   # area code
        [-.\s]?
        (\d{4})   # number
        """,
        text,
        re.VERBOSE,
    )


def lines(text):
    # ok: regex-injection
    return re.split(r"(?:\r?\n)+", text)


def test_grep_escapes(client):
    # ok: regex-injection
    re.compile(request.args["pattern"])
