# Blind set: code injection shapes from PyPI advisories (calculators, config/filter expressions, plugin loaders) and their fixes.
import operator
import json
import ast
import importlib

from flask import Flask, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "")
    # expect: code-injection
    return str(eval(expr))


@app.route("/calc-fixed")
def calc_fixed():
    expr = request.args.get("expr", "")
    # ok: code-injection
    return str(ast.literal_eval(expr))


def parse_value(raw):
    # expect: code-injection
    return eval(raw)


def parse_value_fixed(raw):
    # ok: code-injection
    return ast.literal_eval(raw)


def apply_filter(rows, condition):
    # expect: code-injection
    return [row for row in rows if eval(condition, {}, {"row": row})]


def compute_field(record, formula):
    namespace = dict(record)
    # expect: code-injection
    exec("result = " + formula, {"__builtins__": {}}, namespace)
    return namespace["result"]


def load_settings(path):
    settings = {}
    with open(path) as fh:
        source = fh.read()
    # expect: code-injection
    exec(source, settings)
    return settings


class Transform:
    def __init__(self, spec):
        self.spec = spec

    def compile(self):
        # expect: code-injection
        return eval("lambda x: " + self.spec["expression"])


def get_handler(name):
    module_name, func_name = name.rsplit(".", 1)
    module = importlib.import_module(module_name)
    # ok: code-injection
    return getattr(module, func_name)


def parse_literal(value):
    try:
        # ok: code-injection
        return ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return value


@app.route("/sort")
def sort_items():
    key = request.args.get("key", "name")
    # expect: code-injection
    items = sorted(ITEMS, key=eval("lambda i: i['%s']" % key))
    return str(items)


@app.route("/sort-fixed")
def sort_items_fixed():
    key = request.args.get("key", "name")
    if key not in ("name", "price"):
        key = "name"
    # ok: code-injection
    items = sorted(ITEMS, key=lambda i: i[key])
    return str(items)


ITEMS = [{"name": "a", "price": 1}]


def evaluate(a, op, b):
    # expect: code-injection
    return eval(f"{a} {op} {b}")


def evaluate_fixed(a, op, b):
    ops = {"+": operator.add, "-": operator.sub, "*": operator.mul}
    # ok: code-injection
    return ops[op](float(a), float(b))


@app.route("/import", methods=["POST"])
def import_data():
    # expect: code-injection
    data = eval(request.form["data"])
    return str(len(data))


@app.route("/import-fixed", methods=["POST"])
def import_data_fixed():
    # ok: code-injection
    data = json.loads(request.form["data"])
    return str(len(data))


def run_plugin(plugin_source, name):
    # expect: code-injection
    code = compile(plugin_source, name, "exec")
    scope = {}
    # todo-expect: code-injection
    exec(code, scope)
    return scope


def query_frame(df, expr):
    # todo-expect: code-injection
    return df.query(expr, engine="python")
