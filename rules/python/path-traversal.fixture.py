import os
import shutil
import tarfile
import zipfile
from pathlib import Path

from fastapi import FastAPI, UploadFile
from fastapi.responses import FileResponse
from flask import Flask, abort, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
api = FastAPI()
UPLOAD_DIR = "/srv/app/uploads"
REPORTS = Path("/srv/app/reports")


@app.route("/download")
def download():
    filename = request.args.get("file")
    # expect: path-traversal
    return send_file(os.path.join(UPLOAD_DIR, filename))


@app.route("/logs/<name>")
def read_log(name):
    # expect: path-traversal
    with open(f"/var/log/app/{name}") as handle:
        return handle.read()


@app.route("/upload", methods=["POST"])
def upload():
    file = request.files["file"]
    # expect: path-traversal
    file.save(os.path.join(UPLOAD_DIR, file.filename))
    return "saved", 201


@app.route("/avatars", methods=["DELETE"])
def delete_avatar():
    name = request.json["avatar"]
    # expect: path-traversal
    os.remove(os.path.join(UPLOAD_DIR, "avatars", name))
    return "", 204


@app.route("/reports/view")
def view_report():
    report = request.args["report"]
    # expect: path-traversal
    return (REPORTS / report).read_text()


@api.get("/files/{path}")
async def get_file(path: str):
    # expect: path-traversal
    return FileResponse(os.path.join(UPLOAD_DIR, path))


@api.post("/import")
async def import_file(file: UploadFile):
    # expect: path-traversal
    destination = os.path.join("/srv/imports", file.filename)
    # expect: path-traversal
    with open(destination, "wb") as out:
        shutil.copyfileobj(file.file, out)


@app.route("/templates/copy", methods=["POST"])
def copy_template():
    src = request.form["template"]
    # expect: path-traversal
    shutil.copy(os.path.join("/srv/templates", src), "/srv/site/current.html")
    return "ok"


def install_plugin(archive_path, plugins_dir):
    with tarfile.open(archive_path) as tar:
        # expect: path-traversal
        tar.extractall(plugins_dir)


def restore_backup(path, target):
    archive = tarfile.open(path, "r:gz")
    for member in archive.getmembers():
        print(member.name)
        # expect: path-traversal
        archive.extract(member, target)


def unpack_theme(zip_path, destination):
    with zipfile.ZipFile(zip_path) as bundle:
        for name in bundle.namelist():
            # expect: path-traversal
            target = os.path.join(destination, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            # expect: path-traversal
            with open(target, "wb") as out:
                out.write(bundle.read(name))


def fetch_dataset(url, cache_dir):
    local = download_to_temp(url)
    # expect: path-traversal
    tarfile.open(local).extractall(cache_dir)


@app.route("/download-safe")
def download_safe():
    filename = request.args.get("file")
    # ok: path-traversal
    return send_from_directory(UPLOAD_DIR, filename)


@app.route("/upload-safe", methods=["POST"])
def upload_safe():
    file = request.files["file"]
    name = secure_filename(file.filename)
    # ok: path-traversal
    file.save(os.path.join(UPLOAD_DIR, name))
    return "saved", 201


@app.route("/logs-checked/<name>")
def read_log_checked(name):
    path = os.path.realpath(os.path.join("/var/log/app", name))
    if not path.startswith("/var/log/app/"):
        abort(404)
    # ok: path-traversal
    with open(path) as handle:
        return handle.read()


@app.route("/thumbs")
def thumbnail():
    size = request.args.get("size", 64, type=int)
    # ok: path-traversal
    return send_file(os.path.join(UPLOAD_DIR, f"thumb_{size}.png"))


@app.route("/theme")
def theme():
    choice = request.args.get("theme", "light")
    if choice not in {"light", "dark"}:
        abort(400)
    # ok: path-traversal
    return send_file(os.path.join("/srv/themes", choice + ".css"))


def load_config(path):
    """Reads the configuration file named on the command line."""
    # ok: path-traversal
    with open(path) as handle:
        return handle.read()


@app.route("/avatar-basename", methods=["DELETE"])
def delete_avatar_basename():
    name = os.path.basename(request.json["avatar"])
    # ok: path-traversal
    os.remove(os.path.join(UPLOAD_DIR, "avatars", name))
    return "", 204


@app.route("/docs/<path:page>")
def docs_page(page):
    root = os.path.realpath("/srv/docs")
    target = os.path.realpath(os.path.join(root, page))
    if os.path.commonpath([root, target]) != root:
        abort(404)
    # ok: path-traversal
    return send_file(target)


def install_plugin_safely(archive_path, plugins_dir):
    with tarfile.open(archive_path) as tar:
        # ok: path-traversal
        tar.extractall(plugins_dir, filter="data")


def unpack_zip(zip_path, destination):
    with zipfile.ZipFile(zip_path) as bundle:
        # ok: path-traversal
        bundle.extractall(destination)


def unpack_theme_checked(zip_path, destination):
    root = os.path.realpath(destination)
    with zipfile.ZipFile(zip_path) as bundle:
        for name in bundle.namelist():
            target = os.path.realpath(os.path.join(root, name))
            if not target.startswith(root + os.sep):
                raise ValueError(f"unsafe entry {name}")
            # ok: path-traversal
            with open(target, "wb") as out:
                out.write(bundle.read(name))


def save_image(image, request):
    user_id = request.user.id
    # ok: path-traversal
    image.save(os.path.join(UPLOAD_DIR, f"{user_id}.png"))


@app.route("/report/pdf")
def report_pdf():
    # ok: path-traversal
    return send_file(REPORTS / "monthly.pdf", download_name=request.args.get("name", "report.pdf"))


def test_download_reads_file(client):
    name = client.get_arg("file")
    # ok: path-traversal
    open(os.path.join(UPLOAD_DIR, name)).close()
