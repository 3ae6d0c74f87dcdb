from django import forms
from django.contrib.auth.models import User as DjangoUser
from django.http import JsonResponse
from fastapi import Depends, FastAPI
from flask import Flask, jsonify, request
from pydantic import BaseModel
from rest_framework import serializers
from sqlalchemy.orm import Session

from .db import db, get_db
from .models import Account, Article, Order, Profile, User

app = Flask(__name__)
api = FastAPI()
EDITABLE = {"display_name", "bio", "avatar_url"}


class ProfileUpdate(BaseModel):
    display_name: str
    bio: str = ""


@app.route("/users", methods=["POST"])
def create_user():
    # expect: mass-assignment
    user = User(**request.json)
    db.session.add(user)
    db.session.commit()
    return jsonify(id=user.id), 201


def create_article(request):
    # expect: mass-assignment
    article = Article.objects.create(**request.POST.dict())
    return JsonResponse({"id": article.pk})


@app.route("/orders/<int:order_id>", methods=["PATCH"])
def patch_order(order_id):
    payload = request.get_json()
    # expect: mass-assignment
    Order.query.filter_by(id=order_id).update(payload)
    db.session.commit()
    return "", 204


@app.route("/profile", methods=["PUT"])
def update_profile():
    profile = Profile.query.get_or_404(current_user_id())
    for key, value in request.json.items():
        # expect: mass-assignment
        setattr(profile, key, value)
    db.session.commit()
    return jsonify(ok=True)


def update_account(request, pk):
    data = request.data
    # expect: mass-assignment
    Account.objects.filter(pk=pk).update(**data)
    return JsonResponse({"ok": True})


@app.route("/settings", methods=["POST"])
def save_settings():
    settings = load_settings(current_user_id())
    # expect: mass-assignment
    settings.__dict__.update(request.form.to_dict())
    return "saved"


@api.post("/accounts")
async def open_account(payload: dict, session: Session = Depends(get_db)):
    # expect: mass-assignment
    account = Account(**payload)
    session.add(account)
    return {"id": account.id}


def register(request):
    fields = {k: v for k, v in request.POST.items()}
    # expect: mass-assignment
    user = DjangoUser(**fields)
    user.save()
    return JsonResponse({"id": user.pk})


class UserForm(forms.ModelForm):
    class Meta:
        model = User
        # expect: mass-assignment
        fields = "__all__"


class OrderSerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        # expect: mass-assignment
        fields = "__all__"


@app.route("/articles/<int:article_id>", methods=["PUT"])
def replace_article(article_id):
    article = Article.query.get_or_404(article_id)
    incoming = request.get_json(force=True)
    # expect: mass-assignment
    vars(article).update(incoming)
    return jsonify(ok=True)


def upsert_user(request):
    # expect: mass-assignment
    User.objects.update_or_create(email=request.POST["email"], **request.POST.dict())
    return JsonResponse({"ok": True})


@app.route("/users-safe", methods=["POST"])
def create_user_safely():
    data = request.get_json()
    # ok: mass-assignment
    user = User(email=data["email"], display_name=data.get("display_name", ""))
    db.session.add(user)
    return jsonify(id=user.id), 201


@app.route("/profile-safe", methods=["PUT"])
def update_profile_safely():
    profile = Profile.query.get_or_404(current_user_id())
    for key, value in request.json.items():
        if key not in EDITABLE:
            continue
        # ok: mass-assignment
        setattr(profile, key, value)
    return jsonify(ok=True)


def create_article_from_form(request):
    form = ArticleForm(request.POST)
    if form.is_valid():
        # ok: mass-assignment
        Article.objects.create(**form.cleaned_data)
    return JsonResponse({"ok": True})


@api.put("/profile")
async def put_profile(update: ProfileUpdate, session: Session = Depends(get_db)):
    # ok: mass-assignment
    profile = Profile(**update.dict())
    session.add(profile)
    return {"ok": True}


@app.route("/filtered", methods=["POST"])
def filtered_create():
    data = request.get_json()
    allowed = {k: data[k] for k in EDITABLE if k in data}
    # ok: mass-assignment
    return jsonify(id=User(**allowed).id)


@app.route("/comprehension-checked", methods=["POST"])
def comprehension_checked():
    clean = {k: v for k, v in request.json.items() if k in EDITABLE}
    # ok: mass-assignment
    return jsonify(id=Profile(**clean).id)


def render_card(request):
    context = request.GET.dict()
    # ok: mass-assignment
    return JsonResponse(dict(**context))


@app.route("/search")
def search():
    # ok: mass-assignment
    return jsonify(results=run_search(**request.args.to_dict()))


class ArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        # ok: mass-assignment
        fields = ["title", "body", "tags"]


class SearchForm(forms.Form):
    class Meta:
        # ok: mass-assignment
        fields = "__all__"


def copy_settings(source, target):
    # ok: mass-assignment
    target.__dict__.update(source.__dict__)


@app.route("/log", methods=["POST"])
def log_event():
    extra = request.get_json()
    local = {"kind": "audit"}
    # ok: mass-assignment
    local.update(extra)
    return jsonify(local)


def test_create_user_accepts_json(client):
    # ok: mass-assignment
    User(**request.json)
