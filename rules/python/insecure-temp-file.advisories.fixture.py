# Blind set: temporary files created insecurely (mktemp, predictable /tmp names), with their fixes.
import os
import tempfile


def write_report(data):
    # expect: insecure-temp-file
    path = tempfile.mktemp(suffix=".csv")
    with open(path, "w") as fh:
        fh.write(data)
    return path


def write_report_fixed(data):
    # ok: insecure-temp-file
    fd, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(fd, "w") as fh:
        fh.write(data)
    return path


def cache_download(content, name):
    path = "/tmp/" + name
    # expect: insecure-temp-file
    with open(path, "wb") as fh:
        fh.write(content)
    return path


def lock_file(pid):
    # expect: insecure-temp-file
    with open("/tmp/myapp.lock", "w") as fh:
        fh.write(str(pid))


def lock_file_fixed(pid):
    # ok: insecure-temp-file
    with tempfile.NamedTemporaryFile("w", delete=False, prefix="myapp-") as fh:
        fh.write(str(pid))


def scratch_dir():
    # expect: insecure-temp-file
    d = tempfile.mktemp()
    os.makedirs(d)
    return d


def scratch_dir_fixed():
    # ok: insecure-temp-file
    return tempfile.mkdtemp()


def dump_state(state, job_id):
    # expect: insecure-temp-file
    with open(os.path.join("/tmp", f"job-{job_id}.json"), "w") as fh:
        fh.write(state)
