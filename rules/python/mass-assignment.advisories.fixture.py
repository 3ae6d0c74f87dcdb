# Blind set: mass assignment shapes (request data into model constructors/updates), with their fixes.
from flask import Flask, request

app = Flask(__name__)
EDITABLE = {"display_name", "bio"}


@app.route("/profile", methods=["POST"])
def update_profile():
    user = current_user()
    for key, value in request.form.items():
        # expect: mass-assignment
        setattr(user, key, value)
    user.save()
    return "ok"


@app.route("/profile-fixed", methods=["POST"])
def update_profile_fixed():
    user = current_user()
    for key, value in request.form.items():
        if key in EDITABLE:
            # ok: mass-assignment
            setattr(user, key, value)
    user.save()
    return "ok"


@app.route("/register", methods=["POST"])
def register():
    # expect: mass-assignment
    user = User(**request.get_json())
    user.save()
    return "created"


@app.route("/register-fixed", methods=["POST"])
def register_fixed():
    data = request.get_json()
    # ok: mass-assignment
    user = User(username=data["username"], email=data["email"])
    user.save()
    return "created"


def update_item(request, pk):
    # expect: mass-assignment
    Item.objects.filter(pk=pk).update(**request.POST.dict())


class User:
    def __init__(self, **kw):
        self.__dict__.update(kw)

    def save(self):
        pass


class Item:
    objects = None


def current_user():
    return User()


def edit_account(request):
    account = Account.objects.get(pk=request.user.pk)
    # expect: mass-assignment
    account.__dict__.update(request.POST.dict())
    account.save()


def create_post(db, payload: dict):
    # todo-expect: mass-assignment
    post = Post(**payload)
    db.add(post)


class Account:
    objects = None


class Post:
    def __init__(self, **kw):
        pass
