# Making a file writable just so the next statement can delete it (read-only files on Windows) exposes nothing: the
# file is gone. Opening the mode on a file that stays is still a finding.
import os
import shutil
import sys
from pathlib import Path


def delete_lockfile(lock_path):
    if sys.platform == "win32":
        # ok: permissive-file-permissions
        os.chmod(lock_path, 0o777)
    os.remove(lock_path)


def purge_cache(cache_dir):
    # ok: permissive-file-permissions
    os.chmod(cache_dir, 0o777)
    # The tree goes with it.
    shutil.rmtree(cache_dir)


def drop_report(report: Path):
    # ok: permissive-file-permissions
    report.chmod(0o666)
    report.unlink()


def share_report(report_path, archive_path):
    # expect: permissive-file-permissions
    os.chmod(report_path, 0o777)
    os.remove(archive_path)


def publish_drop_folder(drop_dir):
    if not os.path.isdir(drop_dir):
        os.makedirs(drop_dir)
    # expect: permissive-file-permissions
    os.chmod(drop_dir, 0o777)
    return drop_dir
