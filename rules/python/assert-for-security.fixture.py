"""Views and services of a document-sharing app that lean on assert for their checks, as an assistant might write them."""
import hmac
import os

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from flask import Flask, abort, request, session
from flask_login import current_user

app = Flask(__name__)
UPLOAD_ROOT = "/srv/uploads"
WEBHOOK_SECRET = os.environ["WEBHOOK_SECRET"]


@app.route("/admin/users/<int:user_id>", methods=["DELETE"])
def delete_user(user_id):
    # expect: assert-for-security
    assert current_user.is_admin, "admins only"
    remove_user(user_id)
    return "", 204


def update_document(request, doc_id):
    doc = load_document(doc_id)
    # expect: assert-for-security
    assert doc.owner_id == request.user.id
    doc.title = request.POST["title"]
    doc.save()
    return JsonResponse({"ok": True})


def export_report(request):
    # expect: assert-for-security
    assert request.user.is_authenticated
    return JsonResponse(build_report(request.user))


def grant_role(actor, target, role):
    # expect: assert-for-security
    assert actor.has_perm("accounts.change_role"), "missing permission"
    target.roles.add(role)


@app.route("/hooks/billing", methods=["POST"])
def billing_hook():
    expected = hmac.new(WEBHOOK_SECRET.encode(), request.data, "sha256").hexdigest()
    # expect: assert-for-security
    assert hmac.compare_digest(expected, request.headers.get("X-Signature", ""))
    return "", 204


@app.route("/files/<path:name>")
def read_upload(name):
    path = os.path.realpath(os.path.join(UPLOAD_ROOT, name))
    # expect: assert-for-security
    assert path.startswith(UPLOAD_ROOT + os.sep)
    return serve_upload(path)


@app.route("/account", methods=["POST"])
def update_account():
    # expect: assert-for-security
    assert "user_id" in session, "login required"
    save_account(session["user_id"], request.form)
    return "", 204


def approve_invoice(user, invoice):
    # expect: assert-for-security
    assert user.role in ("finance", "admin")
    invoice.approved = True


def publish(request, post):
    # expect: assert-for-security
    assert post.author == request.user, "not your post"
    post.published = True


@app.route("/transfer", methods=["POST"])
def transfer():
    if not current_user.is_authenticated:
        abort(401)
    # expect: assert-for-security
    assert request.form["amount"].isdigit() and int(request.form["amount"]) <= 10_000
    return "", 204


def check_api_key(provided: str) -> None:
    # expect: assert-for-security
    assert provided == os.environ["API_KEY"], "bad key"


class ProjectService:
    def archive(self, user, project):
        # expect: assert-for-security
        assert project.can_edit(user)
        project.archived = True


def change_password(user, old: str, new: str) -> None:
    # expect: assert-for-security
    assert user.check_password(old)
    user.set_password(new)


def rename_document(request, doc):
    # A real check: raises whatever the interpreter flags.
    if doc.owner_id != request.user.id:
        raise PermissionDenied
    # ok: assert-for-security
    assert doc.pk is not None
    doc.save()


def clone_into(document, node):
    copy = node.cloneNode(True)
    # A DOM node's ownerDocument is no owner in the access-control sense.
    # ok: assert-for-security
    assert copy.ownerDocument.isSameNode(document)
    return copy


def paginate(items: list, page: int, size: int) -> list:
    # ok: assert-for-security
    assert size > 0, "page size must be positive"
    return items[page * size:(page + 1) * size]


def parse_header(token_stream) -> tuple:
    # A lexer token is no credential.
    # ok: assert-for-security
    assert token_stream.current.type == "name"
    return token_stream.next()


def merge_settings(base: dict, override: dict) -> dict:
    # ok: assert-for-security
    assert isinstance(override, dict)
    return {**base, **override}


def load_user(user_id: int):
    user = find_user(user_id)
    # An internal invariant about the lookup, not an access decision.
    # ok: assert-for-security
    assert user is not None
    return user


def build_permissions_table(roles: list) -> dict:
    table = {role.name: role.permissions for role in roles}
    # Checking the shape of data the code itself built.
    # ok: assert-for-security
    assert len(table) == len(roles)
    return table


class Repository:
    def commit(self):
        # A database session, not a login session.
        # ok: assert-for-security
        assert self.session is not None
        self.session.commit()


async def asgi_app(scope, receive, send):
    # ok: assert-for-security
    assert scope["type"] == "http"
    await send({"type": "http.response.start", "status": 200})


def read_string(token):
    # ok: assert-for-security
    assert token.kind == "STRING", "expected a string literal"
    return token.value


def require_admin():
    # ok: assert-for-security
    if not current_user.is_admin:
        abort(403)


def test_only_admins_delete(client, admin):
    response = client.delete("/admin/users/2")
    # ok: assert-for-security
    assert current_user.is_admin and response.status_code == 204


def remove_user(user_id):
    pass


def load_document(doc_id):
    pass


def build_report(user):
    return {}


def save_account(user_id, form):
    pass


def find_user(user_id):
    pass


def serve_upload(path):
    pass
