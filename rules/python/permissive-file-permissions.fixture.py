"""Deployment and upload helpers that set file modes, as an assistant might write them."""
import os
import stat
from pathlib import Path

UPLOAD_DIR = Path("/srv/app/uploads")
KEY_PATH = "/etc/app/private_key.pem"


def save_upload(name: str, data: bytes) -> Path:
    # expect: path-traversal
    target = UPLOAD_DIR / name
    # expect: path-traversal
    target.write_bytes(data)
    # "Fix" for a permission error: everyone may now rewrite the upload.
    # expect: permissive-file-permissions, path-traversal
    os.chmod(target, 0o777)
    return target


def publish_report(path: str) -> None:
    # expect: permissive-file-permissions
    os.chmod(path, 0o666)


def make_shared_dir(path: str) -> None:
    os.makedirs(path, exist_ok=True)
    # expect: permissive-file-permissions
    os.chmod(path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)


def write_private_key(pem: bytes) -> None:
    with open(KEY_PATH, "wb") as handle:
        handle.write(pem)
    # A private key readable by every local user.
    # expect: permissive-file-permissions
    os.chmod(KEY_PATH, 0o644)


def store_credentials(path: Path, text: str) -> None:
    path.write_text(text)
    # expect: permissive-file-permissions
    path.chmod(0o666)


def install_script(script: Path) -> None:
    # expect: permissive-file-permissions
    script.chmod(0o777)


def open_log(path: str) -> int:
    # expect: permissive-file-permissions
    os.umask(0)
    return os.open(path, os.O_WRONLY | os.O_CREAT, 0o666)


def add_write_for_all(path: str) -> None:
    mode = os.stat(path).st_mode
    # expect: permissive-file-permissions
    os.chmod(path, mode | stat.S_IWOTH)


def socket_permissions(sock_path: str) -> None:
    # expect: permissive-file-permissions
    os.chmod(sock_path, 0o766)


def save_token(token_file: str, token: str) -> None:
    with open(token_file, "w") as handle:
        handle.write(token)
    # expect: permissive-file-permissions
    os.chmod(token_file, 0o604)


def make_executable(path: str) -> None:
    # ok: permissive-file-permissions
    os.chmod(path, 0o755)


def lock_down_key(path: str) -> None:
    # ok: permissive-file-permissions
    os.chmod(path, 0o600)


def keep_mode(src: str, dst: str) -> None:
    # Copying the mode an existing file already has grants nothing new.
    # ok: permissive-file-permissions
    os.chmod(dst, os.stat(src).st_mode)


def owner_only(path: str) -> None:
    # ok: permissive-file-permissions
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def create_cache_dir(path: str) -> None:
    # mkdir's mode is filtered by the umask (usually leaving 0o755).
    # ok: permissive-file-permissions
    os.makedirs(path, mode=0o777, exist_ok=True)


def current_umask() -> int:
    # Setting and restoring at once is how Python code reads the umask.
    # ok: permissive-file-permissions
    old = os.umask(0)
    os.umask(old)
    return old


def restrictive_umask() -> int:
    # ok: permissive-file-permissions
    return os.umask(0o077)


def public_page(path: Path) -> None:
    # A web page everyone may read, only the owner may write.
    # ok: permissive-file-permissions
    path.chmod(0o644)


def group_shared(path: str) -> None:
    # ok: permissive-file-permissions
    os.chmod(path, 0o770)


def strip_write(path: str) -> None:
    mode = os.stat(path).st_mode
    # ok: permissive-file-permissions
    os.chmod(path, mode & ~stat.S_IWOTH)


def describe(mode: int) -> str:
    # Reading a mode is not setting one.
    # ok: permissive-file-permissions
    return "world-writable" if mode & 0o002 else "ok"
