"""An admin blueprint, an items API, and shop views, where one route forgot the check its siblings have."""
from typing import Annotated

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_POST
from django.views.generic import DeleteView, ListView, UpdateView
from fastapi import APIRouter, Depends, HTTPException
from flask import Blueprint, abort, jsonify, request
from flask_login import current_user, login_required as flask_login_required
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.viewsets import ModelViewSet

admin_bp = Blueprint("admin", __name__)


def admin_required(view):
    return view


# ok: missing-authorization
@admin_bp.route("/admin/users")
@flask_login_required
def list_users():
    return jsonify(users=[])


# ok: missing-authorization
@admin_bp.route("/admin/users", methods=["POST"])
@flask_login_required
@admin_required
def create_user():
    return jsonify(ok=True), 201


# expect: missing-authorization
@admin_bp.route("/admin/users/<int:user_id>/delete", methods=["POST"])
def delete_user(user_id):
    remove_user(user_id)
    return "", 204


# expect: missing-authorization
@admin_bp.delete("/admin/posts/<int:post_id>")
def delete_post(post_id):
    remove_post(post_id)
    return "", 204


# expect: missing-authorization
@admin_bp.put("/admin/users/<int:user_id>/role")
def change_role(user_id):
    set_role(user_id, request.json["role"])
    return "", 204


# Signing in is public by nature.
# ok: missing-authorization
@admin_bp.route("/admin/login", methods=["POST"])
def admin_login():
    return jsonify(ok=True)


# The check is written inside the view.
# ok: missing-authorization
@admin_bp.route("/admin/settings", methods=["POST"])
def save_settings():
    if not current_user.is_authenticated or not current_user.is_admin:
        abort(403)
    return "", 204


# Reading is not changing: a public statistics page is a product decision.
# ok: missing-authorization
@admin_bp.route("/admin/stats")
def stats():
    return jsonify(visits=0)


router = APIRouter(prefix="/items")


def get_current_user():
    return None


def require_admin():
    return None


# ok: missing-authorization
@router.get("/")
def list_items(user=Depends(get_current_user)):
    return []


# ok: missing-authorization
@router.post("/")
def create_item(payload: dict, user=Depends(get_current_user)):
    return payload


# expect: missing-authorization
@router.delete("/{item_id}")
def delete_item(item_id: int):
    return {"deleted": item_id}


# expect: missing-authorization
@router.post("/{item_id}/archive")
async def archive_item(item_id: int):
    return {"archived": item_id}


# ok: missing-authorization
@router.put("/{item_id}", dependencies=[Depends(require_admin)])
def replace_item(item_id: int, payload: dict):
    return payload


# ok: missing-authorization
@router.patch("/{item_id}")
def update_item(item_id: int, payload: dict, current_user: Annotated[dict, Depends(get_current_user)]):
    return payload


# Webhooks are verified by signature, not by a user session.
# ok: missing-authorization
@router.post("/webhooks/stripe")
def stripe_webhook(payload: dict):
    return {"received": True}


public = APIRouter(prefix="/public")


# No route of this router authenticates: nothing to compare against.
# ok: missing-authorization
@public.post("/feedback-votes")
def vote(payload: dict):
    return payload


# Django views


# ok: missing-authorization
@login_required
def order_history(request):
    return JsonResponse({"orders": []})


# ok: missing-authorization
@login_required
@require_POST
def update_address(request):
    request.user.profile.address = request.POST["address"]
    request.user.profile.save()
    return HttpResponse(status=204)


# expect: missing-authorization
@require_POST
def delete_account(request):
    request.user.delete()
    return HttpResponse(status=204)


# expect: missing-authorization
def cancel_order(request, order_id):
    if request.method == "POST":
        order = find_order(order_id)
        order.status = "cancelled"
        order.save()
    return HttpResponse(status=204)


# ok: missing-authorization
@require_POST
def signup(request):
    create_account(request.POST)
    return HttpResponse(status=201)


# ok: missing-authorization
def product_page(request, slug):
    return JsonResponse({"slug": slug})


# ok: missing-authorization
class AddressUpdateView(LoginRequiredMixin, UpdateView):
    fields = ["street", "city"]


# expect: missing-authorization
class AddressDeleteView(DeleteView):
    success_url = "/addresses/"


# ok: missing-authorization
class ProductListView(ListView):
    template_name = "products.html"


# ok: missing-authorization
class OrderViewSet(ModelViewSet):
    permission_classes = [IsAuthenticated]


# expect: missing-authorization
class RefundViewSet(ModelViewSet):
    serializer_class = None


# ok: missing-authorization
@api_view(["POST"])
@permission_classes([IsAuthenticated])
def reorder(request, order_id):
    return JsonResponse({"ok": True})


# expect: missing-authorization
@api_view(["POST"])
def reopen_order(request, order_id):
    find_order(order_id).reopen()
    return JsonResponse({"ok": True})


def remove_user(user_id):
    pass


def remove_post(post_id):
    pass


def set_role(user_id, role):
    pass


def find_order(order_id):
    pass


def create_account(data):
    pass
