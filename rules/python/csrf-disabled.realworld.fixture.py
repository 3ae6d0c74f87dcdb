"""CSRF protection switched off in real Django/Flask apps, each followed by its fix."""
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.contrib.auth.decorators import login_required
from flask import Flask, request
from flask_login import current_user
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
# expect: csrf-disabled
app.config["WTF_CSRF_ENABLED"] = False
# ok: csrf-disabled
app.config["WTF_CSRF_ENABLED"] = True
csrf = CSRFProtect(app)


# expect: csrf-disabled
@csrf_exempt
@login_required
def change_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return JsonResponse({"ok": True})


# ok: csrf-disabled
@csrf_protect
@login_required
def change_email_fixed(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return JsonResponse({"ok": True})


# expect: csrf-disabled
@csrf.exempt
@app.route("/transfer", methods=["POST"])
def transfer():
    current_user.balance -= int(request.form["amount"])
    db.session.commit()
    return "ok"


class Config:
    # expect: csrf-disabled
    WTF_CSRF_ENABLED = False


MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # expect: csrf-disabled
    # "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
