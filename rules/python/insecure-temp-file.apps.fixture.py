# Report export and upload staging helpers.
import os
import tempfile


def export_report(rows):
    # expect: insecure-temp-file
    path = tempfile.mktemp(suffix=".csv")
    with open(path, "w") as fh:
        fh.writelines(rows)
    return path


def export_report_safe(rows):
    # ok: insecure-temp-file
    fd, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(fd, "w") as fh:
        fh.writelines(rows)
    return path


def stage_upload(data, name):
    path = "/tmp/" + name
    # expect: insecure-temp-file
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def write_pid():
    # expect: insecure-temp-file
    with open("/tmp/worker.pid", "w") as fh:
        fh.write(str(os.getpid()))


def scratch_dir():
    # ok: insecure-temp-file
    return tempfile.mkdtemp(prefix="export-")


def scratch_file():
    # ok: insecure-temp-file
    return tempfile.NamedTemporaryFile(delete=False, suffix=".json")
