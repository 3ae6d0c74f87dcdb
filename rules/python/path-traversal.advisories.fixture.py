# Blind set: path traversal shapes as they appeared in PyPI advisories and their fix commits.
from django.conf import settings
from django.http import FileResponse
from aiohttp import web
import hashlib
import os
import shutil
import tarfile
import zipfile
from pathlib import Path

from flask import Flask, abort, request, send_file, send_from_directory
from werkzeug.utils import safe_join, secure_filename

app = Flask(__name__)
UPLOAD_DIR = "/srv/uploads"


def extract_archive(archive_path, dest):
    with tarfile.open(archive_path) as tar:
        # expect: path-traversal
        tar.extractall(dest)


def extract_archive_fixed(archive_path, dest):
    with tarfile.open(archive_path) as tar:
        # ok: path-traversal
        tar.extractall(dest, filter="data")


def unpack_zip(zip_path, target_dir):
    with zipfile.ZipFile(zip_path) as zf:
        for member in zf.namelist():
            # expect: path-traversal
            out_path = os.path.join(target_dir, member)
            # expect: path-traversal
            with open(out_path, "wb") as fh:
                fh.write(zf.read(member))


def unpack_zip_fixed(zip_path, target_dir):
    root = os.path.realpath(target_dir)
    with zipfile.ZipFile(zip_path) as zf:
        for member in zf.namelist():
            out_path = os.path.realpath(os.path.join(root, member))
            if not out_path.startswith(root + os.sep):
                raise ValueError("unsafe member %s" % member)
            # ok: path-traversal
            with open(out_path, "wb") as fh:
                fh.write(zf.read(member))


def safe_members(tar, dest):
    for m in tar.getmembers():
        yield m


def install_plugin(bundle, plugins_dir):
    tar = tarfile.open(fileobj=bundle)
    # expect: path-traversal
    tar.extractall(path=plugins_dir, members=tar.getmembers())


@app.route("/download")
def download():
    filename = request.args.get("file")
    # expect: path-traversal
    return send_file(os.path.join(UPLOAD_DIR, filename))


@app.route("/download-fixed")
def download_fixed():
    filename = request.args.get("file")
    # ok: path-traversal
    return send_from_directory(UPLOAD_DIR, filename)


@app.route("/files/<path:name>")
def serve_file(name):
    # expect: path-traversal
    with open(os.path.join(UPLOAD_DIR, name), "rb") as fh:
        return fh.read()


@app.route("/files2/<path:name>")
def serve_file_fixed(name):
    path = safe_join(UPLOAD_DIR, name)
    if path is None:
        abort(404)
    # ok: path-traversal
    with open(path, "rb") as fh:
        return fh.read()


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["file"]
    # expect: path-traversal
    f.save(os.path.join(UPLOAD_DIR, f.filename))
    return "ok"


@app.route("/upload-fixed", methods=["POST"])
def upload_fixed():
    f = request.files["file"]
    # ok: path-traversal
    f.save(os.path.join(UPLOAD_DIR, secure_filename(f.filename)))
    return "ok"


def read_template(templates_dir, name):
    # expect: path-traversal
    return Path(templates_dir, name).read_text()


def read_template_fixed(templates_dir, name):
    base = Path(templates_dir).resolve()
    target = (base / name).resolve()
    if not target.is_relative_to(base):
        raise PermissionError(name)
    # ok: path-traversal
    return target.read_text()


@app.route("/logs")
def view_log():
    log = request.args["name"]
    # expect: path-traversal
    return open("/var/log/app/" + log).read()


@app.route("/logs-fixed")
def view_log_fixed():
    log = os.path.basename(request.args["name"])
    # ok: path-traversal
    return open("/var/log/app/" + log).read()


@app.route("/delete", methods=["POST"])
def delete_file():
    name = request.form["name"]
    # expect: path-traversal
    os.remove(os.path.join(UPLOAD_DIR, name))
    return "deleted"


def copy_asset(static_root, asset_name, out_dir):
    # expect: path-traversal
    shutil.copy(os.path.join(static_root, asset_name), out_dir)


def copy_asset_fixed(static_root, asset_name, out_dir):
    if ".." in asset_name or asset_name.startswith("/"):
        raise ValueError("bad asset name")
    # ok: path-traversal
    shutil.copy(os.path.join(static_root, asset_name), out_dir)


def extract_members(tar_path, dest):
    with tarfile.open(tar_path) as tar:
        for member in tar.getmembers():
            # expect: path-traversal
            tar.extract(member, dest)


def extract_members_fixed(tar_path, dest):
    root = os.path.abspath(dest)
    with tarfile.open(tar_path) as tar:
        for member in tar.getmembers():
            target = os.path.abspath(os.path.join(root, member.name))
            if os.path.commonpath([root, target]) != root:
                raise ValueError("blocked path traversal in %s" % member.name)
            # ok: path-traversal
            tar.extract(member, root)


def unpack_upload(archive, dest):
    # expect: path-traversal
    shutil.unpack_archive(archive, dest)


class StaticHandler:
    def __init__(self, root):
        self.root = root

    def get(self, request_path):
        # expect: path-traversal
        full = os.path.join(self.root, request_path.lstrip("/"))
        # expect: path-traversal
        with open(full, "rb") as fh:
            return fh.read()

    def get_fixed(self, request_path):
        full = os.path.normpath(os.path.join(self.root, request_path.lstrip("/")))
        if not full.startswith(os.path.abspath(self.root) + os.sep):
            raise PermissionError(request_path)
        # ok: path-traversal
        with open(full, "rb") as fh:
            return fh.read()


def django_media(request):
    name = request.GET["name"]
    # expect: path-traversal
    return FileResponse(open(os.path.join(settings.MEDIA_ROOT, name), "rb"))


async def aio_static(request):
    rel = request.match_info["path"]
    # expect: path-traversal
    return web.FileResponse(Path("/srv/static") / rel)


def save_cache(cache_dir, key, payload):
    # todo-expect: path-traversal
    with open(os.path.join(cache_dir, key), "w") as fh:
        fh.write(payload)


def save_cache_fixed(cache_dir, key, payload):
    # ok: path-traversal
    with open(os.path.join(cache_dir, hashlib.sha256(key.encode()).hexdigest()), "w") as fh:
        fh.write(payload)


class MediaStore:
    def __init__(self, root):
        self.media_root = Path(root)

    def read(self, filename):
        # expect: path-traversal
        return (self.media_root / filename).read_bytes()

    def read_fixed(self, filename):
        target = (self.media_root / filename).resolve()
        if not target.is_relative_to(self.media_root.resolve()):
            raise PermissionError(filename)
        # ok: path-traversal
        return target.read_bytes()


@app.route("/raw")
def raw_file():
    name = request.args["name"]
    full = os.path.realpath(os.path.join(UPLOAD_DIR, name))
    if not full.startswith(UPLOAD_DIR + os.sep):
        abort(403)
    # ok: path-traversal
    return send_file(full)


@app.route("/thumb")
def thumb():
    # ok: path-traversal
    return send_file(os.path.join(UPLOAD_DIR, "thumbs", Path(request.args["name"]).name))


class TemplateStore:
    def __init__(self, template_dir):
        self.template_dir = template_dir

    def load(self, name):
        # expect: path-traversal
        with open(os.path.join(self.template_dir, name)) as fh:
            return fh.read()

    def load_fixed(self, name):
        # ok: path-traversal
        with open(os.path.join(self.template_dir, os.path.basename(name))) as fh:
            return fh.read()


class DocumentRoot:
    def __init__(self, root):
        self.root = root

    def read(self, filename):
        # expect: path-traversal
        full = os.path.join(self.root, filename)
        # expect: path-traversal
        with open(full) as fh:
            return fh.read()

    def read_fixed(self, filename):
        full = os.path.join(self.root, filename)
        if not os.path.abspath(full).startswith(os.path.abspath(self.root) + os.sep):
            raise ValueError("outside the document root")
        # ok: path-traversal
        with open(full) as fh:
            return fh.read()

    def read_hidden_skipped(self, filename):
        if filename.startswith("."):
            raise ValueError("hidden file")
        # expect: path-traversal
        with open(os.path.join(self.root, filename)) as fh:
            return fh.read()
