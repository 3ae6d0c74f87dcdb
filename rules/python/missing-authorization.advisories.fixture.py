# Blind set: a state-changing route without the auth its siblings use (Flask, Django, FastAPI), with fixes.
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.http import require_POST
from fastapi import APIRouter, Depends
from flask import Blueprint, request
from flask_login import login_required as flask_login_required

bp = Blueprint("admin", __name__)
router = APIRouter()


def get_current_user():
    return None


def update_user(uid, **fields):
    return fields


@bp.route("/users", methods=["GET"])
@flask_login_required
def list_users():
    return "users"


@bp.route("/users/<int:uid>", methods=["DELETE"])
@flask_login_required
def delete_user(uid):
    return "deleted"


# expect: missing-authorization
@bp.route("/users/<int:uid>/role", methods=["POST"])
def set_role(uid):
    update_user(uid, role=request.form["role"])
    return "ok"


# ok: missing-authorization
@bp.route("/users/<int:uid>/email", methods=["POST"])
@flask_login_required
def set_email(uid):
    update_user(uid, email=request.form["email"])
    return "ok"


@router.get("/orders")
def list_orders(user=Depends(get_current_user)):
    return []


@router.post("/orders")
def create_order(user=Depends(get_current_user)):
    return {}


# expect: missing-authorization
@router.delete("/orders/{order_id}")
def delete_order(order_id: int):
    return {"deleted": order_id}


# ok: missing-authorization
@router.put("/orders/{order_id}")
def update_order(order_id: int, user=Depends(get_current_user)):
    return {"updated": order_id}


@login_required
def dashboard(request):
    return HttpResponse("dash")


@login_required
@require_POST
def change_password(request):
    return HttpResponse("changed")


# expect: missing-authorization
@require_POST
def delete_account(request):
    request.user.delete()
    return HttpResponse("gone")
