# shutil unpacks zip archives through zipfile, which drops ".." and absolute names; tar archives can escape.
import shutil


def install_assets(target):
    # ok: path-traversal
    shutil.unpack_archive("vendor/assets.zip", target)


def install_upload(upload_path, target):
    # expect: path-traversal
    shutil.unpack_archive(upload_path, target)
