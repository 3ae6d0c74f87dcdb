# A script runner that executes the file named on its own command line gives whoever types the command nothing they
# could not already run. The same exec is code injection when a web client names the file.
import io
import sys

from flask import Flask, request

app = Flask(__name__)


def main():
    target = sys.argv[1]
    with io.open_code(target) as stream:
        # ok: code-injection
        exec(compile(stream.read(), target, "exec"), {"__name__": "__main__"})


def profile_script():
    script = sys.argv[1]
    # ok: code-injection
    exec(open(script).read().replace("\r\n", "\n"), {"__name__": "__main__"})


@app.route("/plugins/run")
def run_uploaded_plugin():
    name = request.args["plugin"]
    # expect: path-traversal
    with open(name) as handle:
        # expect: code-injection
        exec(handle.read(), {})


def evaluate_argument():
    # expect: code-injection
    return eval(sys.argv[1])
