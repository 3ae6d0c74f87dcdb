# Installer / upload helpers that fix up permissions.
import os
import stat


def save_upload(path, data):
    with open(path, "wb") as fh:
        fh.write(data)
    # expect: permissive-file-permissions
    os.chmod(path, 0o777)


def save_upload_safe(path, data):
    with open(path, "wb") as fh:
        fh.write(data)
    # ok: permissive-file-permissions
    os.chmod(path, 0o640)


def write_key(path, key):
    # expect: permissive-file-permissions
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o666)
    os.write(fd, key)
    os.close(fd)


def write_key_safe(path, key):
    # ok: permissive-file-permissions
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, key)
    os.close(fd)


def make_shared_dir(path):
    # todo-expect: permissive-file-permissions
    os.makedirs(path, mode=0o777, exist_ok=True)


def make_executable(path):
    # expect: permissive-file-permissions
    os.chmod(path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)


def make_executable_safe(path):
    # ok: permissive-file-permissions
    os.chmod(path, 0o755)


def relax_umask():
    # expect: permissive-file-permissions
    os.umask(0)


def open_log(path):
    # ok: permissive-file-permissions
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
