# Real-world shapes of mass assignment in Python web apps (Flask-SQLAlchemy, Django, FastAPI), each beside its fix.
from django.http import JsonResponse
from fastapi import FastAPI
from flask import Flask, jsonify, request
from pydantic import BaseModel

from .db import db
from .models import Invoice, Member, Team

app = Flask(__name__)
api = FastAPI()


# Registration that lets the client set is_admin.
@app.route("/register", methods=["POST"])
def register():
    # expect: mass-assignment
    member = Member(**request.get_json())
    db.session.add(member)
    db.session.commit()
    return jsonify(id=member.id), 201


@app.route("/register-fixed", methods=["POST"])
def register_fixed():
    data = request.get_json()
    # ok: mass-assignment
    member = Member(email=data["email"], name=data["name"])
    db.session.add(member)
    db.session.commit()
    return jsonify(id=member.id), 201


# Updating every attribute the client names.
@app.route("/teams/<int:team_id>", methods=["PUT"])
def update_team(team_id):
    team = Team.query.get_or_404(team_id)
    for field, value in request.form.items():
        # expect: mass-assignment
        setattr(team, field, value)
    db.session.commit()
    return jsonify(ok=True)


ALLOWED = {"name", "description"}


@app.route("/teams-fixed/<int:team_id>", methods=["PUT"])
def update_team_fixed(team_id):
    team = Team.query.get_or_404(team_id)
    for field, value in request.form.items():
        if field in ALLOWED:
            # ok: mass-assignment
            setattr(team, field, value)
    db.session.commit()
    return jsonify(ok=True)


# Django: a queryset update with the POSTed dict.
def edit_invoice(request, pk):
    # expect: mass-assignment
    Invoice.objects.filter(pk=pk).update(**request.POST.dict())
    return JsonResponse({"ok": True})


# FastAPI with a pydantic model that lists the editable fields is the fix.
class MemberIn(BaseModel):
    email: str
    name: str


@api.post("/members")
def create_member(body: MemberIn):
    # ok: mass-assignment
    member = Member(**body.dict())
    db.session.add(member)
    return {"id": member.id}
