# Real-world shapes of code injection in Python (calculators, config loaders, plugin systems), each beside its fix.
import ast
import json
import operator
import sys

from flask import Flask, jsonify, request

app = Flask(__name__)


# A calculator endpoint evaluating the client's expression.
@app.route("/calc")
def calc():
    expr = request.args.get("expr", "0")
    # expect: code-injection
    return jsonify(result=eval(expr))


# A settings parser that turns strings like "[1, 2]" or "True" into values.
def parse_value(raw):
    # expect: code-injection
    return eval(raw)


def parse_value_fixed(raw):
    # ok: code-injection
    return ast.literal_eval(raw)


# Reading a "JSON-ish" body with eval.
@app.route("/api/items", methods=["POST"])
def create_item():
    data = request.get_data(as_text=True)
    # expect: code-injection
    item = eval(data)
    # ok: code-injection
    item = json.loads(data)
    return jsonify(item)


# Dynamic attribute access built as code.
def get_field(obj, field):
    # expect: code-injection
    return eval("obj." + field)


def get_field_fixed(obj, field):
    # ok: code-injection
    return getattr(obj, field)


# A CLI that executes a snippet from its arguments.
def main():
    # expect: code-injection
    exec(sys.argv[1])


# A filter DSL compiled into a lambda.
def make_filter(condition):
    # expect: code-injection
    return eval("lambda row: " + condition)


OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul}


def apply_op(a, op, b):
    # ok: code-injection
    return OPS[op](a, b)


# Config loading via exec of a file's text.
def load_config(path):
    namespace = {}
    with open(path) as fh:
        # expect: code-injection
        exec(fh.read(), namespace)
    return namespace


# A type conversion helper using eval on a type name from a request.
@app.route("/convert")
def convert():
    value = request.args["value"]
    kind = request.args["type"]
    # expect: code-injection
    return jsonify(result=eval(kind + "(" + repr(value) + ")"))


# A symbolic-math endpoint: sympify runs eval on its string.
@app.route("/simplify")
def simplify():
    from sympy import simplify as simplify_expr, sympify
    raw = request.args["expr"]
    # expect: code-injection
    return str(simplify_expr(sympify(raw)))


# A plugin loader taking the module name from the request.
@app.route("/plugins/<name>/run")
def run_plugin(name):
    import importlib
    # expect: code-injection
    plugin = importlib.import_module(name)
    return jsonify(plugin.run())


PLUGINS = {"csv": "app.plugins.csv_export", "pdf": "app.plugins.pdf_export"}


@app.route("/plugins-fixed/<name>/run")
def run_plugin_fixed(name):
    import importlib
    if name not in PLUGINS:
        return "unknown plugin", 404
    # ok: code-injection
    plugin = importlib.import_module(PLUGINS[name])
    return jsonify(plugin.run())
