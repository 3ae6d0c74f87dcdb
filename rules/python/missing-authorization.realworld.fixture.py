"""A route without the authentication its siblings use, in a real Flask blueprint, and its fix."""
from flask import Blueprint, jsonify, request
from flask_login import current_user, login_required

bp = Blueprint("admin", __name__)


@bp.route("/users", methods=["GET"])
@login_required
def list_users():
    return jsonify([])


@bp.route("/users/<int:uid>", methods=["POST"])
@login_required
def update_user(uid):
    return jsonify({"id": uid})


# expect: missing-authorization
@bp.route("/users/<int:uid>/delete", methods=["POST"])
def delete_user(uid):
    return jsonify({"deleted": uid})


# ok: missing-authorization
@bp.route("/users/<int:uid>/disable", methods=["POST"])
@login_required
def disable_user(uid):
    return jsonify({"disabled": uid})


# ok: missing-authorization
@bp.route("/health")
def health():
    return "ok"
