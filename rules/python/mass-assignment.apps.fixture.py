# Profile update handlers of a vulnerable app (Django, Flask-SQLAlchemy).
from django.http import JsonResponse
from flask import Flask, request

from .models import Profile, User, db

app = Flask(__name__)


@app.route("/profile", methods=["POST"])
def update_profile():
    user = User.query.get(request.json["id"])
    for key, value in request.json.items():
        # expect: mass-assignment
        setattr(user, key, value)
    db.session.commit()
    return "ok"


EDITABLE = {"display_name", "bio"}


@app.route("/profile-safe", methods=["POST"])
def update_profile_safe():
    user = User.query.get(request.json["id"])
    for key, value in request.json.items():
        if key in EDITABLE:
            # ok: mass-assignment
            setattr(user, key, value)
    db.session.commit()
    return "ok"


@app.route("/register", methods=["POST"])
def register():
    # expect: mass-assignment
    user = User(**request.json)
    db.session.add(user)
    db.session.commit()
    return "created"


def django_update(request, pk):
    # expect: mass-assignment
    Profile.objects.filter(pk=pk).update(**request.POST.dict())
    return JsonResponse({"ok": True})


def django_update_safe(request, pk):
    # ok: mass-assignment
    Profile.objects.filter(pk=pk).update(bio=request.POST.get("bio", ""))
    return JsonResponse({"ok": True})
