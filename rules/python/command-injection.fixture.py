import asyncio
import os
import shlex
import subprocess
import sys

import paramiko
from flask import Flask, jsonify, request

app = Flask(__name__)
CONVERT = "/usr/bin/convert"


@app.route("/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    # expect: command-injection
    output = subprocess.check_output(f"ping -c 4 {host}", shell=True)
    return jsonify(output=output.decode())


@app.route("/dns")
def dns_lookup():
    domain = request.form["domain"]
    # expect: command-injection
    stream = os.popen("nslookup " + domain)
    return stream.read()


@app.route("/archive", methods=["POST"])
def archive():
    folder = request.json.get("folder")
    # expect: command-injection
    os.system("tar czf /tmp/backup.tgz %s" % folder)
    return "", 204


@app.route("/run", methods=["POST"])
def run_task():
    script = request.get_json()["script"]
    # expect: command-injection
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True)
    return result.stdout


@app.route("/exec", methods=["POST"])
def run_raw():
    # expect: command-injection
    return subprocess.getoutput(request.form["cmd"])


def convert_image(src, dst, width):
    """Resize an uploaded image with ImageMagick."""
    # expect: command-injection
    subprocess.call("{} {} -resize {}x {}".format(CONVERT, src, width, dst), shell=True)


def git_clone(repo_url, target_dir):
    # expect: command-injection
    cmd = "git clone --depth 1 " + repo_url + " " + target_dir
    print("cloning", repo_url)
    print("into", target_dir)
    # expect: command-injection
    return subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE)


async def compress(path):
    # expect: command-injection
    proc = await asyncio.create_subprocess_shell(f"gzip -9 {path}")
    await proc.wait()


def restart_remote(client: paramiko.SSHClient, service):
    # expect: command-injection
    client.exec_command(f"sudo systemctl restart {service}")


class Deployer:
    def __init__(self, workdir):
        self.workdir = workdir

    def clean(self):
        # expect: command-injection
        os.system(f"rm -rf {self.workdir}/build")


def open_in_editor(filename):
    editor = os.environ.get("EDITOR", "vi")
    # expect: command-injection
    os.system(editor + " " + filename)


def kill_process(pid_file):
    with open(pid_file) as f:
        pid = f.read().strip()
    # expect: command-injection
    os.system("kill -9 " + pid)


@app.route("/ping-safe")
def ping_safe():
    host = request.args.get("host", "127.0.0.1")
    # ok: command-injection
    output = subprocess.check_output(["ping", "-c", "4", host])
    return jsonify(output=output.decode())


@app.route("/dns-quoted")
def dns_quoted():
    domain = request.form["domain"]
    # ok: command-injection
    return os.popen("nslookup " + shlex.quote(domain)).read()


def convert_image_safely(src, dst, width):
    # ok: command-injection
    subprocess.run([CONVERT, src, "-resize", f"{width}x", dst], check=True)


def list_directory():
    # ok: command-injection
    return subprocess.check_output("ls -la /var/log | tail -n 20", shell=True)


def disk_usage(count):
    # ok: command-injection
    os.system("du -sh /srv/* | sort -h | tail -n %d" % count)


def clear_screen():
    # ok: command-injection
    os.system("cls" if os.name == "nt" else "clear")


def install_requirements():
    # ok: command-injection
    subprocess.check_call(f"{sys.executable} -m pip install -r requirements.txt", shell=True)


def run_user_command(cmd):
    """Thin wrapper: whatever string a caller passes runs in a shell (reported at low confidence)."""
    # expect: command-injection
    return subprocess.run(cmd, shell=True, check=True)


def split_and_run(request_args):
    # ok: command-injection
    subprocess.run(shlex.split(f"ls -l {request_args}"), check=True)


def run_with_flag(cmd, shell_flag):
    # ok: command-injection
    return subprocess.run(cmd, shell=shell_flag)


@app.route("/tool")
def tool():
    name = request.args.get("tool")
    if name not in {"uptime", "whoami", "date"}:
        return "unknown tool", 400
    # ok: command-injection
    return subprocess.check_output(f"/usr/bin/{name}", shell=True)


def test_ping_runs_shell():
    host = make_host()
    # ok: command-injection
    os.system(f"ping -c 1 {host}")


def backup_database(db_name):
    quoted = shlex.quote(db_name)
    # ok: command-injection
    subprocess.run(f"pg_dump {quoted} > /backups/{quoted}.sql", shell=True, check=True)
