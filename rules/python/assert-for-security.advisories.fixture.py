# Blind set: assert used as an access or validation check, with the fixes that raise instead.
from flask import Flask, abort, request

app = Flask(__name__)


def delete_project(user, project):
    # expect: assert-for-security
    assert user.is_admin, "admin only"
    project.delete()


def delete_project_fixed(user, project):
    if not user.is_admin:
        raise PermissionError("admin only")
    project.delete()


@app.route("/admin/reset", methods=["POST"])
def admin_reset():
    token = request.headers.get("X-Admin-Token")
    # expect: assert-for-security
    assert token == app.config["ADMIN_TOKEN"]
    return "reset"


def read_document(user, doc):
    # expect: assert-for-security
    assert doc.owner_id == user.id or user.has_perm("docs.view")
    return doc.body


def safe_path(base, path):
    # expect: assert-for-security
    assert path.startswith(base), "path escapes base directory"
    return path


def normalize(values):
    # ok: assert-for-security
    assert isinstance(values, list)
    return sorted(values)


def check_signature(sig, expected):
    # expect: assert-for-security
    assert sig == expected, "bad signature"
