# Admin/account routes of a vulnerable Flask app: most routes are protected, a few state-changing ones are not.
from flask import Blueprint, Flask, abort, request
from flask_login import current_user, login_required

from .models import Post, User, db

bp = Blueprint("admin", __name__)


def admin_required(fn):
    def wrapper(*a, **kw):
        if not current_user.is_admin:
            abort(403)
        return fn(*a, **kw)
    return wrapper


@bp.route("/users", methods=["GET"])
@login_required
@admin_required
def list_users():
    return {"users": [u.name for u in User.query.all()]}


@bp.route("/users/<int:uid>/promote", methods=["POST"])
@login_required
@admin_required
def promote(uid):
    User.query.get(uid).is_admin = True
    db.session.commit()
    return "ok"


# expect: missing-authorization
@bp.route("/users/<int:uid>", methods=["DELETE"])
def delete_user(uid):
    db.session.delete(User.query.get_or_404(uid))
    db.session.commit()
    return "deleted"


# ok: missing-authorization
@bp.route("/users2/<int:uid>", methods=["DELETE"])
@login_required
@admin_required
def delete_user_safe(uid):
    db.session.delete(User.query.get_or_404(uid))
    db.session.commit()
    return "deleted"


# expect: missing-authorization
@bp.route("/posts/<int:pid>/edit", methods=["POST"])
def edit_post(pid):
    post = Post.query.get_or_404(pid)
    post.body = request.form["body"]
    db.session.commit()
    return "saved"


# ok: missing-authorization
@bp.route("/health", methods=["GET"])
def health():
    return "ok"
