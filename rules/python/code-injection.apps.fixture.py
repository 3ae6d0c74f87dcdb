# Calculator / filter-expression endpoints of a vulnerable app and a rules-engine library.
import ast
import operator

from flask import Flask, request, jsonify

app = Flask(__name__)


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "0")
    # expect: code-injection
    result = eval(expr)
    return jsonify(result=result)


@app.route("/calc-safe")
def calc_safe():
    expr = request.args.get("expr", "0")
    # ok: code-injection
    result = ast.literal_eval(expr)
    return jsonify(result=result)


@app.route("/run", methods=["POST"])
def run_snippet():
    code = request.json["code"]
    scope = {}
    # expect: code-injection
    exec(code, scope)
    return jsonify(output=str(scope.get("result")))


@app.route("/filter")
def filter_products():
    field = request.args["field"]
    value = request.args["value"]
    products = load_products()
    # expect: code-injection
    return jsonify([p for p in products if eval("p['%s'] == %s" % (field, value))])


def load_products():
    return [{"name": "a", "price": 1}]


# ---- library: rule evaluation ----

def evaluate_condition(condition, context):
    # expect: code-injection
    return eval(condition, {"__builtins__": {}}, context)


_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def evaluate_condition_safe(condition, context):
    tree = ast.parse(condition, mode="eval")
    return _eval_node(tree.body, context)


def _eval_node(node, context):
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return context[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_eval_node(node.left, context), _eval_node(node.right, context))
    raise ValueError("unsupported expression")


def parse_setting(raw_value):
    # expect: code-injection
    return eval(raw_value)


def parse_setting_safe(raw_value):
    # ok: code-injection
    return ast.literal_eval(raw_value)


def make_getter(attr_name):
    src = "def getter(obj):\n    return obj.%s\n" % attr_name
    ns = {}
    # expect: code-injection
    exec(compile(src, "<getter>", "exec"), ns)
    return ns["getter"]


def make_getter_safe(attr_name):
    return operator.attrgetter(attr_name)


def load_plugin_hook(module_path, hook):
    # expect: code-injection
    return eval(f"__import__('{module_path}').{hook}")
