"""assert used as an access check in real code, each followed by its fix."""
from flask import abort, g, request


def delete_project(user, project):
    # expect: assert-for-security
    assert user.is_admin, "only admins may delete projects"
    project.delete()


def delete_project_fixed(user, project):
    if not user.is_admin:
        raise PermissionError("only admins may delete projects")
    project.delete()


def download(doc):
    # expect: assert-for-security
    assert doc.owner_id == g.user.id
    return doc.content


def download_fixed(doc):
    if doc.owner_id != g.user.id:
        abort(403)
    return doc.content


def update_settings(user, perms):
    # expect: assert-for-security
    assert "settings.write" in perms
    user.save()


def check_token(token, expected):
    # expect: assert-for-security
    assert token == expected, "invalid token"


def api_call():
    # expect: assert-for-security
    assert request.user.is_authenticated
    return "data"


def parse(data):
    # ok: assert-for-security
    assert isinstance(data, dict)
    return data
