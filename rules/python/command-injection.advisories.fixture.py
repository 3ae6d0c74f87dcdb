# Blind set: command injection shapes from PyPI advisories (git/ffmpeg/convert/ping wrappers, CLIs) and their fixes.
import pexpect
import os
import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)


def clone_repo(url, dest):
    # expect: command-injection
    subprocess.check_call(f"git clone {url} {dest}", shell=True)


def clone_repo_fixed(url, dest):
    # ok: command-injection
    subprocess.check_call(["git", "clone", "--", url, dest])


def convert_video(src, dst, bitrate):
    # expect: command-injection
    cmd = "ffmpeg -i %s -b:v %s %s" % (src, bitrate, dst)
    # expect: command-injection
    os.system(cmd)


def convert_video_fixed(src, dst, bitrate):
    # ok: command-injection
    subprocess.run(["ffmpeg", "-i", src, "-b:v", str(bitrate), dst], check=True)


def make_thumbnail(path, size):
    # expect: command-injection
    subprocess.Popen("convert {} -resize {} thumb.png".format(path, size), shell=True).wait()


def make_thumbnail_fixed(path, size):
    # ok: command-injection
    subprocess.Popen("convert {} -resize {} thumb.png".format(shlex.quote(path), shlex.quote(size)), shell=True).wait()


@app.route("/ping")
def ping():
    host = request.args.get("host")
    # expect: command-injection
    output = os.popen("ping -c 1 " + host).read()
    return output


@app.route("/ping-fixed")
def ping_fixed():
    host = request.args.get("host")
    # ok: command-injection
    output = subprocess.run(["ping", "-c", "1", host], capture_output=True, text=True).stdout
    return output


def get_branch_log(repo_path, branch):
    # expect: command-injection
    return subprocess.check_output("git -C %s log %s --oneline" % (repo_path, branch), shell=True)


def get_branch_log_fixed(repo_path, branch):
    # ok: command-injection
    return subprocess.check_output(["git", "-C", repo_path, "log", branch, "--oneline"])


class Notifier:
    def __init__(self, command_template):
        self.command_template = command_template

    def notify(self, message):
        # expect: command-injection
        subprocess.call(self.command_template + " '" + message + "'", shell=True)


def open_in_editor(filename):
    editor = os.environ.get("EDITOR", "vi")
    # ok: command-injection
    subprocess.call([editor, filename])


def run_hook(hook_cmd, env_name):
    # expect: command-injection
    command = f"source activate {env_name} && {hook_cmd}"
    # expect: command-injection
    proc = subprocess.run(command, shell=True, executable="/bin/bash")
    return proc.returncode


@app.route("/lookup", methods=["POST"])
def lookup():
    domain = request.form["domain"]
    # expect: command-injection
    result = subprocess.getoutput("nslookup " + domain)
    return result


@app.route("/lookup-fixed", methods=["POST"])
def lookup_fixed():
    domain = request.form["domain"]
    # ok: command-injection
    result = subprocess.run(["nslookup", domain], capture_output=True, text=True).stdout
    return result


def run_tool(args):
    # expect: command-injection
    return subprocess.check_output(" ".join(args), shell=True)


def run_tool_fixed(args):
    # ok: command-injection
    return subprocess.check_output(shlex.join(args), shell=True)


def checkout(ref):
    # expect: command-injection
    subprocess.run(["sh", "-c", "git checkout " + ref], check=True)


def checkout_fixed(ref):
    # ok: command-injection
    subprocess.run(["git", "checkout", ref, "--"], check=True)


def print_pdf(filename, printer):
    # expect: command-injection
    os.system("lp -d '%s' '%s'" % (printer, filename))


def ssh_exec(host, command):
    # todo-expect: command-injection
    child = pexpect.spawn("ssh " + host + " " + command)
    return child.read()


def archive(directory, name):
    # expect: command-injection
    os.system(f"tar czf {name}.tar.gz {directory}")


def archive_fixed(directory, name):
    # ok: command-injection
    subprocess.run(["tar", "czf", f"{name}.tar.gz", directory], check=True)


def django_whois(request):
    domain = request.GET.get("domain", "")
    # expect: command-injection
    out = subprocess.check_output("whois %s" % domain, shell=True, text=True)
    return out
