# Real-world shapes of OS command injection in Python libraries, CLIs and web apps, each beside the way its fix looks.
import os
import shlex
import subprocess
import sys

import click
from flask import Flask, jsonify, request

app = Flask(__name__)


# A library wrapper that runs whatever command string its caller hands it, through a shell.
def run_command(cmd, cwd=None):
    # expect: command-injection
    return subprocess.check_output(cmd, shell=True, cwd=cwd)


def run_command_fixed(args, cwd=None):
    # ok: command-injection
    return subprocess.check_output(args, cwd=cwd)


# A git helper in a deployment tool: the repository URL and branch come from a config or a webhook.
class Repo:
    def __init__(self, path):
        self.path = path

    def clone(self, url, branch):
        # expect: command-injection
        os.system("git clone -b %s %s %s" % (branch, url, self.path))

    def clone_fixed(self, url, branch):
        # ok: command-injection
        subprocess.run(["git", "clone", "-b", branch, "--", url, self.path], check=True)

    def checkout(self, ref):
        # expect: command-injection
        command = "cd {} && git checkout {}".format(self.path, ref)
        # expect: command-injection
        subprocess.Popen(command, shell=True).wait()

    def checkout_fixed(self, ref):
        # ok: command-injection
        subprocess.Popen(["git", "checkout", ref], cwd=self.path).wait()


# A Flask diagnostics endpoint: the classic ping.
@app.route("/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    # expect: command-injection
    output = subprocess.check_output("ping -c 1 " + host, shell=True)
    return jsonify(output=output.decode())


@app.route("/ping-fixed")
def ping_fixed():
    host = request.args.get("host", "127.0.0.1")
    # ok: command-injection
    output = subprocess.check_output(["ping", "-c", "1", "--", host])
    return jsonify(output=output.decode())


# Quoting each value is the other fix real projects ship.
def convert(src, dst):
    # expect: command-injection
    subprocess.call(f"convert {src} -resize 200x200 {dst}", shell=True)


def convert_fixed(src, dst):
    # ok: command-injection
    subprocess.call(f"convert {shlex.quote(src)} -resize 200x200 {shlex.quote(dst)}", shell=True)


# os.popen with a file name from a CLI argument.
def main():
    name = sys.argv[1]
    # expect: command-injection
    lines = os.popen("wc -l " + name).read()
    print(lines)
    # ok: command-injection
    print(subprocess.run(["wc", "-l", name], capture_output=True, text=True).stdout)


# A click command passing an option to a shell.
@click.command()
@click.option("--archive")
def backup(archive):
    # expect: command-injection
    subprocess.run(f"tar czf {archive} /srv/data", shell=True, check=True)
    # ok: command-injection
    subprocess.run(["tar", "czf", archive, "/srv/data"], check=True)


# A command string assembled over several statements, then run with shell=True.
def build_docs(output_dir, theme):
    cmd = "sphinx-build -b html"
    # expect: command-injection
    cmd += " -D html_theme=" + theme
    cmd += " docs " + output_dir
    # expect: command-injection
    return subprocess.call(cmd, shell=True)


# A multi-line call: the shell=True is on a later line than the command.
def compress(path, level):
    # expect: command-injection
    proc = subprocess.Popen(
        "gzip -%d %s" % (level, path),
        # expect: command-injection
        shell=True,
        stdout=subprocess.PIPE,
    )
    return proc.communicate()


def compress_fixed(path, level):
    # ok: command-injection
    proc = subprocess.Popen(
        ["gzip", "-%d" % int(level), path],
        stdout=subprocess.PIPE,
    )
    return proc.communicate()


# An AWS Lambda handler that shells out with a field of the event.
def handler(event, context):
    bucket = event["bucket"]
    # expect: command-injection
    os.system("aws s3 sync s3://" + bucket + " /tmp/data")
    # ok: command-injection
    subprocess.run(["aws", "s3", "sync", "s3://" + bucket, "/tmp/data"], check=True)


# Fixed commands with shell=True are fine.
def disk_usage():
    # ok: command-injection
    return subprocess.check_output("df -h | tail -n +2", shell=True)


# Fixes that keep the shell but quote every value.
def archive(paths, dest):
    # expect: command-injection
    os.system("tar czf " + dest + " " + " ".join(paths))


def archive_fixed(paths, dest):
    # ok: command-injection
    os.system("tar czf " + shlex.quote(dest) + " " + " ".join(map(shlex.quote, paths)))


def list_dir_fixed(path):
    cmd = shlex.join(["ls", "-l", path])
    # ok: command-injection
    return subprocess.check_output(cmd, shell=True)


# A GraphQL resolver (Graphene/Ariadne style): its arguments after `info` come from the client's query.
class DiagnosticsQuery:
    def resolve_ping(self, info, host):
        # expect: command-injection
        return os.popen("ping -c 1 " + host).read()

    def resolve_ping_fixed(self, info, host):
        # ok: command-injection
        return subprocess.run(["ping", "-c", "1", "--", host], capture_output=True, text=True).stdout
