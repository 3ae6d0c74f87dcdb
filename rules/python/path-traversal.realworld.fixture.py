# Real-world shapes of path traversal in Python libraries and web apps, each beside the way its fix looks.
import os
import shutil
import zipfile
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpResponse
from flask import Flask, abort, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
STATIC_ROOT = "/srv/app/static"
UPLOAD_FOLDER = "/srv/app/uploads"


# A static-file helper of a small web framework: the request path's file name joined under the root.
class StaticFiles:
    def __init__(self, root):
        self.root = root

    def serve(self, filename):
        # expect: path-traversal
        with open(os.path.join(self.root, filename), "rb") as f:
            return f.read()

    def serve_fixed(self, filename):
        path = os.path.realpath(os.path.join(self.root, filename))
        if not path.startswith(os.path.realpath(self.root) + os.sep):
            raise PermissionError(filename)
        # ok: path-traversal
        with open(path, "rb") as f:
            return f.read()


# A Flask download route taking the file name from the query string.
@app.route("/download")
def download():
    name = request.args.get("name")
    # expect: path-traversal
    path = os.path.join(UPLOAD_FOLDER, name)
    # expect: path-traversal
    return send_file(path, as_attachment=True)


@app.route("/download-fixed")
def download_fixed():
    name = request.args.get("name")
    # ok: path-traversal
    return send_from_directory(UPLOAD_FOLDER, name, as_attachment=True)


# An upload handler saving under the client's file name.
@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["document"]
    # expect: path-traversal
    dest = os.path.join(UPLOAD_FOLDER, f.filename)
    # expect: path-traversal
    f.save(dest)
    return "ok"


@app.route("/upload-fixed", methods=["POST"])
def upload_fixed():
    f = request.files["document"]
    dest = os.path.join(UPLOAD_FOLDER, secure_filename(f.filename))
    # ok: path-traversal
    f.save(dest)
    return "ok"


# A Django view reading a template-like file named in the URL.
def help_page(request, page):
    # expect: path-traversal
    with open(os.path.join(settings.BASE_DIR, "help", page + ".html")) as fh:
        return HttpResponse(fh.read())


def help_page_fixed(request, page):
    name = os.path.basename(page)
    # ok: path-traversal
    with open(os.path.join(settings.BASE_DIR, "help", name + ".html")) as fh:
        return HttpResponse(fh.read())


# Django: a media download with the path in a GET parameter.
def media_download(request):
    rel = request.GET["path"]
    # expect: path-traversal
    return FileResponse(open(os.path.join(settings.MEDIA_ROOT, rel), "rb"))


# Zip Slip in an archive helper.
def unpack(archive, target_dir):
    zf = zipfile.ZipFile(archive)
    for info in zf.infolist():
        if info.is_dir():
            continue
        # expect: path-traversal
        with zf.open(info) as src, open(os.path.join(target_dir, info.filename), "wb") as dst:
            shutil.copyfileobj(src, dst)


def unpack_fixed(archive, target_dir):
    with zipfile.ZipFile(archive) as zf:
        for member in zf.namelist():
            out = os.path.realpath(os.path.join(target_dir, member))
            if not out.startswith(os.path.realpath(target_dir) + os.sep):
                continue
            os.makedirs(os.path.dirname(out), exist_ok=True)
            # ok: path-traversal
            with open(out, "wb") as fh:
                fh.write(zf.read(member))


# A storage backend deleting files under its directory by the name a caller passes.
class FileStorage:
    def __init__(self, directory):
        self.directory = directory

    def delete(self, filename):
        # expect: path-traversal
        os.remove(os.path.join(self.directory, filename))

    def delete_fixed(self, filename):
        # ok: path-traversal
        os.remove(os.path.join(self.directory, hashed(filename)))


# A cache keyed by the caller's key: keys are the library's own business (mailbox, cache backends).
class FileCache:
    def __init__(self, directory):
        self.directory = directory

    def delete(self, key):
        # ok: path-traversal
        os.remove(os.path.join(self.directory, key))


def hashed(key):
    import hashlib
    return hashlib.sha256(key.encode()).hexdigest()


# http.server handler reading self.path.
class Handler(SimpleHTTPRequestHandler):
    def do_GET(self):
        # expect: path-traversal
        with open(STATIC_ROOT + self.path, "rb") as f:
            self.wfile.write(f.read())


# Copying a user-named file in a route.
@app.route("/export", methods=["POST"])
def export():
    name = request.form["report"]
    # expect: path-traversal
    shutil.copy(os.path.join("/srv/reports", name), "exports/latest.csv")
    return "ok"


# Bare path parameters of ordinary functions are the caller's business.
def read_config(path):
    # ok: path-traversal
    with open(path) as fh:
        return fh.read()


def write_report(directory, rows):
    # ok: path-traversal
    with open(os.path.join(directory, "report.csv"), "w") as fh:
        fh.writelines(rows)


def copy_tree(src, dst):
    for name in os.listdir(src):
        # ok: path-traversal
        shutil.copy(os.path.join(src, name), os.path.join(dst, name))


# pathlib: the fix resolves the path and lets relative_to raise when it leaves the base.
@app.route("/docs/<path:page>")
def docs_page(page):
    base = Path(STATIC_ROOT)
    # expect: path-traversal
    return (base / page).read_text()


@app.route("/docs-fixed/<path:page>")
def docs_page_fixed(page):
    base = Path(STATIC_ROOT).resolve()
    target = (base / page).resolve()
    target.relative_to(base)
    # ok: path-traversal
    return target.read_text()


# A GraphQL mutation writing a paste to the file name the client sends.
class UploadPaste:
    def mutate(self, info, filename, content):
        # expect: path-traversal
        with open(os.path.join(UPLOAD_FOLDER, filename), "w") as fh:
            fh.write(content)

    def mutate_and_get_payload(self, info, filename, content):
        # ok: path-traversal
        with open(os.path.join(UPLOAD_FOLDER, secure_filename(filename)), "w") as fh:
            fh.write(content)


# A Django class-based view: the URL's keyword arguments live in self.kwargs.
from django.views import View


class InvoicePdfView(View):
    def get(self, request, *args, **kwargs):
        document = self.kwargs["document"]
        # expect: path-traversal
        return FileResponse(open(os.path.join(settings.MEDIA_ROOT, "invoices", document), "rb"))


class InvoicePdfViewFixed(View):
    def get(self, request, *args, **kwargs):
        document = os.path.basename(self.kwargs["document"])
        # ok: path-traversal
        return FileResponse(open(os.path.join(settings.MEDIA_ROOT, "invoices", document), "rb"))
