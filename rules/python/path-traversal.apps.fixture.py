# Document vault app (pygoat-style) and a small archive/asset library: vulnerable shapes and their fixes.
import os
import shutil
import tarfile
import zipfile
from pathlib import Path

from flask import Flask, abort, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOAD_DIR = "/srv/vault/uploads"
STATIC_ROOT = Path("/srv/vault/static").resolve()


@app.route("/download")
def download():
    name = request.args.get("file")
    # expect: path-traversal
    return send_file(os.path.join(UPLOAD_DIR, name), as_attachment=True)


@app.route("/download-safe")
def download_safe():
    name = request.args.get("file")
    # ok: path-traversal
    return send_from_directory(UPLOAD_DIR, name, as_attachment=True)


@app.route("/view")
def view_document():
    filename = request.args["doc"]
    # expect: path-traversal
    with open(UPLOAD_DIR + "/" + filename) as fh:
        return fh.read()


@app.route("/view-safe")
def view_document_safe():
    filename = secure_filename(request.args["doc"])
    # ok: path-traversal
    with open(os.path.join(UPLOAD_DIR, filename)) as fh:
        return fh.read()


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["document"]
    # expect: path-traversal
    f.save(os.path.join(UPLOAD_DIR, f.filename))
    return "saved"


@app.route("/upload-safe", methods=["POST"])
def upload_safe():
    f = request.files["document"]
    # ok: path-traversal
    f.save(os.path.join(UPLOAD_DIR, secure_filename(f.filename)))
    return "saved"


@app.route("/static/<path:asset>")
def static_asset(asset):
    # expect: path-traversal
    return send_file(STATIC_ROOT / asset)


@app.route("/static2/<path:asset>")
def static_asset_safe(asset):
    target = (STATIC_ROOT / asset).resolve()
    if not str(target).startswith(str(STATIC_ROOT) + os.sep):
        abort(404)
    # ok: path-traversal
    return send_file(target)


@app.route("/delete", methods=["POST"])
def delete_document():
    name = request.form["name"]
    # expect: path-traversal
    os.remove(os.path.join(UPLOAD_DIR, name))
    return "deleted"


# ---- library code: archive extraction helpers ----

def extract_backup(archive_path, dest):
    with tarfile.open(archive_path) as tar:
        # expect: path-traversal
        tar.extractall(dest)


def extract_backup_safe(archive_path, dest):
    dest = os.path.realpath(dest)
    with tarfile.open(archive_path) as tar:
        for member in tar.getmembers():
            target = os.path.realpath(os.path.join(dest, member.name))
            if not target.startswith(dest + os.sep):
                raise ValueError("blocked path traversal in archive: %s" % member.name)
        # ok: path-traversal
        tar.extractall(dest)


def extract_plugin(zip_path, plugin_dir):
    zf = zipfile.ZipFile(zip_path)
    for info in zf.infolist():
        # expect: path-traversal
        out_path = os.path.join(plugin_dir, info.filename)
        os.makedirs(os.path.dirname(out_path), exist_ok=True)
        # expect: path-traversal
        with zf.open(info) as src, open(out_path, "wb") as dst:
            shutil.copyfileobj(src, dst)


def extract_plugin_safe(zip_path, plugin_dir):
    base = os.path.realpath(plugin_dir)
    zf = zipfile.ZipFile(zip_path)
    for info in zf.infolist():
        out_path = os.path.realpath(os.path.join(base, info.filename))
        if os.path.commonpath([base, out_path]) != base:
            continue
        with zf.open(info) as src, open(out_path, "wb") as dst:
            shutil.copyfileobj(src, dst)


def unpack_dataset(tar_path, target_dir):
    tar = tarfile.open(tar_path, "r:gz")
    for member in tar.getmembers():
        # expect: path-traversal
        tar.extract(member, target_dir)
    tar.close()


def unpack_dataset_safe(tar_path, target_dir):
    with tarfile.open(tar_path, "r:gz") as tar:
        # ok: path-traversal
        tar.extractall(target_dir, filter="data")


def read_template(template_dir, name):
    # expect: path-traversal
    return Path(template_dir, name).read_text()


def read_template_safe(template_dir, name):
    base = Path(template_dir).resolve()
    candidate = (base / name).resolve()
    if not candidate.is_relative_to(base):
        raise PermissionError(name)
    # ok: path-traversal
    return candidate.read_text()
