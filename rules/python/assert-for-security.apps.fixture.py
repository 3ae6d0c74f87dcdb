# Admin views of a vulnerable app guarding access with assert.
from flask import Flask, abort, g, request

app = Flask(__name__)


@app.route("/admin/users/<int:uid>", methods=["DELETE"])
def delete_user(uid):
    # expect: assert-for-security
    assert g.user.is_admin, "admin only"
    remove_user(uid)
    return "deleted"


@app.route("/admin/users2/<int:uid>", methods=["DELETE"])
def delete_user_safe(uid):
    if not g.user.is_admin:
        abort(403)
    remove_user(uid)
    return "deleted"


def transfer(request, account):
    # expect: assert-for-security
    assert account.owner_id == request.user.id
    account.withdraw(int(request.POST["amount"]))


def download(user, doc):
    # expect: assert-for-security
    assert user.has_perm("docs.view", doc)
    return doc.read()


def verify_token(token, expected):
    # expect: assert-for-security
    assert token == expected, "bad token"
    return True


def remove_user(uid):
    # ok: assert-for-security
    assert isinstance(uid, int)
