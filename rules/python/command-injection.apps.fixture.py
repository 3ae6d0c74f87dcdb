# Network tools page (DVWA/pygoat-style) and CLI wrappers around git / ffmpeg / ImageMagick.
import os
import shlex
import subprocess
import sys

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping", methods=["POST"])
def ping():
    host = request.form["host"]
    # expect: command-injection
    output = subprocess.check_output("ping -c 3 " + host, shell=True)
    return output


@app.route("/ping-safe", methods=["POST"])
def ping_safe():
    host = request.form["host"]
    # ok: command-injection
    output = subprocess.check_output(["ping", "-c", "3", host])
    return output


@app.route("/lookup")
def lookup():
    domain = request.args.get("domain", "")
    # expect: command-injection
    stream = os.popen(f"nslookup {domain}")
    return stream.read()


@app.route("/lookup-safe")
def lookup_safe():
    domain = request.args.get("domain", "")
    # ok: command-injection
    stream = os.popen("nslookup %s" % shlex.quote(domain))
    return stream.read()


@app.route("/traceroute")
def traceroute():
    target = request.args["target"]
    # expect: command-injection
    os.system("traceroute %s > /tmp/trace.txt" % target)
    # expect: insecure-temp-file
    return open("/tmp/trace.txt").read()


# ---- library: media and repository helpers ----

def clone_repo(url, dest):
    # expect: command-injection
    subprocess.run(f"git clone {url} {dest}", shell=True, check=True)


def clone_repo_safe(url, dest):
    # ok: command-injection
    subprocess.run(["git", "clone", "--", url, dest], check=True)


def make_thumbnail(src, dst, size="128x128"):
    # expect: command-injection
    cmd = "convert {} -resize {} {}".format(src, size, dst)
    # expect: command-injection
    return subprocess.call(cmd, shell=True)


def make_thumbnail_safe(src, dst, size="128x128"):
    # ok: command-injection
    return subprocess.call(["convert", src, "-resize", size, dst])


def transcode(input_path, output_path, bitrate):
    # expect: command-injection
    args = "ffmpeg -i '%s' -b:a %s '%s'" % (input_path, bitrate, output_path)
    # expect: command-injection
    proc = subprocess.Popen(args, shell=True, stdout=subprocess.PIPE)
    return proc.communicate()[0]


def transcode_safe(input_path, output_path, bitrate):
    args = "ffmpeg -i %s -b:a %s %s" % (shlex.quote(input_path), shlex.quote(bitrate), shlex.quote(output_path))
    # ok: command-injection
    proc = subprocess.Popen(args, shell=True, stdout=subprocess.PIPE)
    return proc.communicate()[0]


def git_log(repo_dir, branch):
    # expect: command-injection
    return subprocess.getoutput("cd %s && git log --oneline %s" % (repo_dir, branch))


def git_log_safe(repo_dir, branch):
    # ok: command-injection
    return subprocess.run(["git", "log", "--oneline", branch], cwd=repo_dir, capture_output=True, text=True).stdout


def main():
    pattern = sys.argv[1]
    # expect: command-injection
    os.system("grep -rn '" + pattern + "' .")


if __name__ == "__main__":
    main()
