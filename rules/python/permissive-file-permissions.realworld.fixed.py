"""Over-permissive file modes in real installers, tools and apps, each followed by its fix."""
import os
import stat
from pathlib import Path


def save_key(path, key_bytes):
    with open(path, "wb") as fh:
        fh.write(key_bytes)
    # expect: permissive-file-permissions
    os.chmod(path, 0o755)


def save_key_fixed(path, key_bytes):
    with open(path, "wb") as fh:
        fh.write(key_bytes)
    # ok: permissive-file-permissions
    os.chmod(path, 0o600)


def make_upload_dir(root):
    # makedirs applies the umask (usually giving 0o755), so this is not world-writable in practice.
    # ok: permissive-file-permissions
    os.makedirs(root, mode=0o777, exist_ok=True)


def make_upload_dir_fixed(root):
    # ok: permissive-file-permissions
    os.makedirs(root, mode=0o750, exist_ok=True)


def share_socket(sock_path):
    # expect: permissive-file-permissions
    os.chmod(sock_path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)


def write_config(path, text):
    # 0o666 is open()'s own default and the umask applies: not a finding.
    # ok: permissive-file-permissions
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o666)
    os.write(fd, text.encode())
    os.close(fd)


def write_config_fixed(path, text):
    # ok: permissive-file-permissions
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, text.encode())
    os.close(fd)


def publish_cache(cache):
    # expect: permissive-file-permissions
    Path(cache).chmod(0o755)


def writable_by_all(path):
    mode = os.stat(path).st_mode
    # expect: permissive-file-permissions
    os.chmod(path, mode | stat.S_IWOTH)


def make_script_executable(path):
    # ok: permissive-file-permissions
    os.chmod(path, 0o755)


def umask_open():
    # expect: permissive-file-permissions
    os.umask(0)
