"""A small Flask service with a calculator, a settings loader and some plugin glue."""
import ast
import json
import sys
import textwrap
from pathlib import Path

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
ALLOWED_METRICS = {"revenue", "signups", "churn"}

DEFAULT_FILTER = "lambda row: row['active']"
BANNER_EXPR = "'v' + '1.' + '2'"
HELPER_SOURCE = textwrap.dedent(
    """
    def clamp(value, low, high):
        return max(low, min(value, high))
    """
)
plugin_code = Path("plugins/default.py").read_text()


@app.route("/calc")
def calculate():
    expression = request.args.get("q", "")
    # expect: code-injection
    result = eval(expression)
    return jsonify(result=result)


@app.post("/settings")
def update_settings():
    # expect: code-injection
    settings = eval(request.get_data(as_text=True))
    return jsonify(settings)


@app.route("/filter/<rule>")
def filter_rows(rule):
    rows = load_rows()
    # expect: code-injection
    predicate = eval(f"lambda row: {rule}")
    return jsonify([r for r in rows if predicate(r)])


def load_rows():
    # ok: code-injection
    default_filter = eval(DEFAULT_FILTER)
    return [r for r in json.loads(Path("rows.json").read_text()) if default_filter(r)]


def banner():
    # ok: code-injection
    return eval(BANNER_EXPR)


def install_helpers(namespace):
    # ok: code-injection
    exec(HELPER_SOURCE, namespace)
    # ok: code-injection
    exec("import math", namespace)
    return namespace


def make_accessors(cls):
    for field in ("name", "email", "created_at"):
        # ok: code-injection
        exec(f"def get_{field}(self): return self._{field}", globals())
        # ok: code-injection
        setattr(cls, f"get_{field}", eval(f"get_{field}"))
    return cls


def parse_cli_value():
    raw = sys.argv[1]
    # expect: code-injection
    return eval(raw)


def repl():
    while True:
        # expect: code-injection
        print(eval(input(">>> ")))


def run_plugin():
    # expect: code-injection
    exec(plugin_code, {"__name__": "plugin"})


def run_user_script(path):
    with open(path) as handle:
        source = handle.read()
    # expect: code-injection
    code = compile(source, path, "exec")
    # ok: code-injection
    exec(code, {"__name__": "__main__"})


def run_compiled(path):
    # expect: code-injection
    exec(compile(Path(path).read_text(), path, "exec"))


def parse_value(value):
    # expect: code-injection
    return eval(value)


def apply_rule(condition, record):
    # expect: code-injection
    return eval(condition, {"__builtins__": {}}, record)


def render_template(template, context):
    # ok: code-injection
    code = "f'''" + template + "'''"
    # expect: code-injection
    return eval(code, {}, context)


def dynamic_compile(text):
    # compile() alone runs nothing: the caller that executes the code object is where the risk is.
    # ok: code-injection
    return compile(source=text, filename="<dynamic>", mode="eval")


def run_expression(text):
    # expect: code-injection
    code = compile(source=text, filename="<dynamic>", mode="eval")
    # ok: code-injection
    return eval(code)


def parse_tree(source):
    # ok: code-injection
    return compile(source, "<unknown>", "exec", ast.PyCF_ONLY_AST)


def read_setting(value):
    if value in ("True", "False", "None"):
        # ok: code-injection
        return eval(value)
    return value


def check_syntax():
    snippet = "x = 1\n" + "y = x + 1\n"
    # ok: code-injection
    compile(snippet, "<check>", "exec")


def operator_expression(symbol):
    op = "+" if symbol == "plus" else "-"
    # ok: code-injection
    return compile("a {} b".format(op), "<expr>", "eval")


def run_twice(func):
    # ok: code-injection
    exec(func.__code__)


class Model:
    def eval(self, data):
        return data

    def predict(self, batch):
        # ok: code-injection
        self.eval(batch)
        # ok: code-injection
        return batch.eval("a + b")


def evaluate_shadowed(expression):
    from simpleeval import simple_eval as eval

    # ok: code-injection
    return eval(expression)


def compile_pattern(pattern, compile=None):
    # ok: code-injection
    return compile(pattern)


def safe_parse(text):
    # ok: code-injection
    return ast.literal_eval(text)


def legacy_exec(statement):
    # expect: code-injection
    exec(statement)


def test_eval_roundtrip():
    value = repr({"a": 1})
    # ok: code-injection
    assert eval(value) == {"a": 1}


@app.route("/config", methods=["POST"])
def load_config():
    payload = request.form["config"]
    # expect: code-injection
    config = eval(payload)
    return jsonify(config)


def sandbox_eval(expression_text):
    import builtins

    # expect: code-injection
    return builtins.eval(expression_text, {"__builtins__": {}})


def constant_math():
    # ok: code-injection
    return eval("2 ** 10")


@app.route("/calc")
def calculate():
    # The expression is built from the query string lines before it runs: both lines are findings.
    # expect: code-injection
    expression = "(" + request.args.get("expr", "0") + ") * rate"
    rate = 1.2
    # expect: code-injection
    return str(eval(expression))


@app.route("/report/<metric>")
def report_metric(metric):
    # Checked against an allow-list before it is evaluated: only names the server chose run.
    if metric not in ALLOWED_METRICS:
        abort(404)
    # ok: code-injection
    return str(eval(metric + "()"))
