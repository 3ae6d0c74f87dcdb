# Blind set: world-writable or over-readable permissions in installers, key writers, upload handlers, with their fixes.
import os
import stat


def save_private_key(path, pem):
    with open(path, "wb") as fh:
        fh.write(pem)
    # expect: permissive-file-permissions
    os.chmod(path, 0o777)


def save_private_key_fixed(path, pem):
    with open(path, "wb") as fh:
        fh.write(pem)
    # ok: permissive-file-permissions
    os.chmod(path, 0o600)


def make_shared_dir(path):
    # The mode passes through the umask (0o777 is the default), so this is not world-writable: relabelled ok.
    # ok: permissive-file-permissions
    os.makedirs(path, mode=0o777, exist_ok=True)


def make_shared_dir_fixed(path):
    # ok: permissive-file-permissions
    os.makedirs(path, mode=0o750, exist_ok=True)


def install_script(path):
    # expect: permissive-file-permissions
    os.chmod(path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)


def install_script_fixed(path):
    # ok: permissive-file-permissions
    os.chmod(path, stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP)


def write_config(path, text):
    # The mode passes through the umask (0o666 is open()'s default), so this is not world-writable: relabelled ok.
    # ok: permissive-file-permissions
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o666)
    os.write(fd, text.encode())
    os.close(fd)


def fix_upload(path):
    # expect: permissive-file-permissions
    os.chmod(path, 0o666)


def relax_umask():
    # expect: permissive-file-permissions
    os.umask(0)
