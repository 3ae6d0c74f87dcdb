"""Insecure temporary files in real tools and libraries, each followed by its fix."""
import os
import tempfile
import subprocess


def render_to_pdf(html):
    # expect: insecure-temp-file
    path = tempfile.mktemp(suffix=".html")
    with open(path, "w") as fh:
        fh.write(html)
    subprocess.run(["wkhtmltopdf", path, path + ".pdf"], check=True)
    return path + ".pdf"


def render_to_pdf_fixed(html):
    # ok: insecure-temp-file
    fd, path = tempfile.mkstemp(suffix=".html")
    with os.fdopen(fd, "w") as fh:
        fh.write(html)
    subprocess.run(["wkhtmltopdf", path, path + ".pdf"], check=True)
    return path + ".pdf"


def save_upload(data):
    # expect: insecure-temp-file
    with open("/tmp/upload.bin", "wb") as fh:
        fh.write(data)


def save_upload_fixed(data):
    # ok: insecure-temp-file
    with tempfile.NamedTemporaryFile(delete=False, suffix=".bin") as fh:
        fh.write(data)
        return fh.name


def write_pid(pid):
    pidfile = "/tmp/worker-%d.pid" % os.getuid()
    # expect: insecure-temp-file
    with open(pidfile, "w") as fh:
        fh.write(str(pid))


def build_archive(name):
    workdir = os.path.join("/tmp", name)
    # expect: insecure-temp-file
    os.makedirs(workdir, exist_ok=True)
    return workdir


def build_archive_fixed(name):
    # ok: insecure-temp-file
    workdir = tempfile.mkdtemp(prefix=name)
    return workdir


def dump_debug(state):
    # expect: insecure-temp-file
    with open(f"/tmp/debug_{os.getpid()}.json", "w") as fh:
        fh.write(state)


def scratch_name():
    # expect: insecure-temp-file
    return tempfile.mktemp()


def scratch_dir():
    # ok: insecure-temp-file
    with tempfile.TemporaryDirectory() as tmp:
        return os.listdir(tmp)


def write_report(rows):
    tmpdir = tempfile.gettempdir()
    # The shared directory reaches the path through a local name: not followed yet.
    # todo-expect: insecure-temp-file
    path = os.path.join(tmpdir, "report.csv")
    with open(path, "w") as fh:
        fh.writelines(rows)
