# A shell command built from values of unknown origin is one finding, at the call that runs it; the line that put it
# together is reported too only when client input is in it.
import os

from flask import Flask, request

app = Flask(__name__)


class SpecQuery:
    def __init__(self, build_dir, package_name):
        self.build_dir = build_dir
        self.package_name = package_name

    def names(self):
        spec_file = os.path.join(self.build_dir, self.package_name + ".spec")
        command = "rpm -q --qf '%{{name}}' {} --specfile '{}'".format(
            "--quiet",
            # ok: command-injection
            spec_file,
        )
        # expect: command-injection
        return os.popen(command).read()


@app.route("/lookup")
def lookup():
    package = request.args["name"]
    command = "rpm -q --qf '%{{version}}' {} {}".format(
        "--nosignature",
        # expect: command-injection
        package,
    )
    # expect: command-injection
    return os.popen(command).read()
