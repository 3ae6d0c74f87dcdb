"""Report exports, upload staging and a PID file for a worker, as an assistant might write them."""
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from flask import Flask, request, send_file

app = Flask(__name__)
PID_FILE = "/tmp/worker.pid"
STAGING = "/srv/app/staging"


@app.route("/export")
def export_report():
    # expect: insecure-temp-file
    path = tempfile.mktemp(suffix=".csv")
    write_report(path)
    return send_file(path)


def write_pid() -> None:
    # expect: insecure-temp-file
    with open(PID_FILE, "w") as handle:
        handle.write(str(os.getpid()))


def stage_upload(upload, user_id: int) -> str:
    path = f"/tmp/upload_{user_id}.bin"
    # expect: insecure-temp-file
    upload.save(path)
    return path


def dump_state(state: dict) -> None:
    # expect: insecure-temp-file
    with open("/tmp/state.json", "w") as handle:
        json.dump(state, handle)


def render_pdf(html: str) -> bytes:
    source = os.path.join(tempfile.gettempdir(), "render.html")
    # expect: insecure-temp-file
    with open(source, "w") as handle:
        handle.write(html)
    subprocess.run(["wkhtmltopdf", source, source + ".pdf"], check=True)
    return Path(source + ".pdf").read_bytes()


def cache_token(token: str) -> None:
    # expect: insecure-temp-file
    Path("/tmp/api_token").write_text(token)


def prepare_workdir() -> str:
    # expect: insecure-temp-file
    os.makedirs("/tmp/myapp-work", exist_ok=True)
    return "/tmp/myapp-work"


def backup(db_path: str) -> str:
    # expect: insecure-temp-file
    shutil.copy(db_path, "/var/tmp/db-backup.sqlite")
    return "/var/tmp/db-backup.sqlite"


def spool(data: bytes) -> str:
    # expect: insecure-temp-file
    name = tempfile.mktemp()
    with open(name, "wb") as handle:
        handle.write(data)
    return name


def shared_memory_log(line: str) -> None:
    # expect: insecure-temp-file
    with open("/dev/shm/app.log", "a") as handle:
        handle.write(line)


def export_safely(rows: list) -> str:
    fd, path = tempfile.mkstemp(suffix=".csv")
    # ok: insecure-temp-file
    with os.fdopen(fd, "w") as handle:
        handle.writelines(rows)
    return path


def scratch_file(data: bytes):
    # ok: insecure-temp-file
    handle = tempfile.NamedTemporaryFile(delete=False, dir="/tmp")
    handle.write(data)
    return handle


def scratch_dir() -> str:
    # ok: insecure-temp-file
    work = tempfile.mkdtemp(prefix="render-")
    # ok: insecure-temp-file
    with open(os.path.join(work, "render.html"), "w") as handle:
        handle.write("<html></html>")
    return work


def staging_path(name: str) -> str:
    # ok: insecure-temp-file
    with open(os.path.join(STAGING, name), "wb") as handle:
        handle.write(b"")
    return name


def read_os_release() -> str:
    # ok: insecure-temp-file
    with open("/etc/os-release") as handle:
        return handle.read()


def exclusive_lock() -> int:
    # O_EXCL refuses to follow a file someone planted.
    # ok: insecure-temp-file
    return os.open("/tmp/myapp.lock", os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)


def pipe_name() -> str:
    # A Windows named pipe, not a file in a shared directory.
    # ok: insecure-temp-file
    return tempfile.mktemp(prefix=r"\\.\pipe\worker-")


def help_text() -> str:
    # ok: insecure-temp-file
    return "Files are staged under /tmp/uploads before processing."


def temp_root() -> str:
    # ok: insecure-temp-file
    return tempfile.gettempdir()


def with_temporary_directory(data: bytes) -> int:
    # ok: insecure-temp-file
    with tempfile.TemporaryDirectory() as work:
        Path(work, "blob.bin").write_bytes(data)
        return len(data)


def write_report(path: str) -> None:
    pass
