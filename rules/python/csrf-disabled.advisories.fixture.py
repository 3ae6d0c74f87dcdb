# Blind set: CSRF protection turned off (Django csrf_exempt, Flask-WTF settings, middleware removed), with fixes.
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from flask import Flask, request
from flask_login import current_user
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
csrf = CSRFProtect(app)

# expect: csrf-disabled
app.config["WTF_CSRF_ENABLED"] = False
# ok: csrf-disabled
app.config["WTF_CSRF_ENABLED"] = True

# expect: csrf-disabled
WTF_CSRF_ENABLED = False


# expect: csrf-disabled
@csrf_exempt
def transfer(request):
    request.user.account.transfer(request.POST["to"], request.POST["amount"])
    return HttpResponse("sent")


# ok: csrf-disabled
@csrf_protect
def transfer_fixed(request):
    request.user.account.transfer(request.POST["to"], request.POST["amount"])
    return HttpResponse("sent")


@app.route("/settings", methods=["POST"])
# expect: csrf-disabled
@csrf.exempt
def save_settings():
    current_user.settings.update(request.form)
    return "saved"


MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # expect: csrf-disabled
    # "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
