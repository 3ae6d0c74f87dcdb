"""Django views and settings plus a Flask-WTF app, with CSRF protection switched off here and there, as an assistant might write them."""
import hashlib
import hmac
import json
import os

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from flask import Flask, request
from flask_login import current_user
from flask_wtf.csrf import CSRFProtect
from rest_framework.authentication import SessionAuthentication

app = Flask(__name__)
csrf = CSRFProtect(app)

# expect: csrf-disabled
app.config["WTF_CSRF_ENABLED"] = False

# Django settings, in the same module for the example.
# expect: csrf-disabled
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]


# "CSRF verification failed" on the form post: exempt the view.
# expect: csrf-disabled
@csrf_exempt
@login_required
def update_profile(request):
    request.user.first_name = request.POST["first_name"]
    request.user.save()
    return JsonResponse({"ok": True})


# A form post that writes: what a browser submits, cookies included.
# expect: csrf-disabled
@csrf_exempt
def update_newsletter(request):
    profile = Profile.objects.get(email=request.POST["email"])
    profile.newsletter = request.POST.get("newsletter") == "on"
    profile.save()
    return HttpResponse(status=204)


# expect: csrf-disabled
@csrf_exempt
def transfer(request):
    if request.method == "POST":
        account = request.user.account
        account.transfer(request.POST["to"], int(request.POST["amount"]))
    return HttpResponse(status=204)


@login_required
# expect: csrf-disabled
@csrf_exempt
def delete_comment(request, comment_id):
    request.user.comments.filter(pk=comment_id).delete()
    return HttpResponse(status=204)


@login_required
def change_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return HttpResponse(status=204)


# expect: csrf-disabled
change_email = csrf_exempt(change_email)


# expect: csrf-disabled
@method_decorator(csrf_exempt, name="dispatch")
class OrderUpdateView(LoginRequiredMixin, View):
    def post(self, request, pk):
        order = request.user.orders.get(pk=pk)
        order.address = request.POST["address"]
        order.save()
        return HttpResponse(status=204)


class CsrfExemptSessionAuthentication(SessionAuthentication):
    # expect: csrf-disabled
    def enforce_csrf(self, request):
        return


@app.route("/settings", methods=["POST"])
# expect: csrf-disabled
@csrf.exempt
def save_settings():
    current_user.settings.update(request.form)
    return "", 204


class ProductionConfig:
    # expect: csrf-disabled
    WTF_CSRF_ENABLED = False


# Payment provider webhooks are signed, and carry no browser cookies.
# ok: csrf-disabled
@csrf_exempt
def stripe_webhook(request):
    signature = request.headers.get("Stripe-Signature", "")
    expected = hmac.new(os.environ["STRIPE_SECRET"].encode(), request.body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        return HttpResponse(status=400)
    return HttpResponse(status=200)


# A token-authenticated JSON API that never reads the session.
# ok: csrf-disabled
@csrf_exempt
def api_ingest(request):
    if request.headers.get("Authorization") != f"Bearer {os.environ['INGEST_TOKEN']}":
        return HttpResponse(status=401)
    json.loads(request.body)
    return HttpResponse(status=202)


@login_required
# ok: csrf-disabled
def update_bio(request):
    request.user.bio = request.POST["bio"]
    request.user.save()
    return HttpResponse(status=204)


class TestingConfig:
    TESTING = True
    # ok: csrf-disabled
    WTF_CSRF_ENABLED = False


# ok: csrf-disabled
app.config["WTF_CSRF_TIME_LIMIT"] = 3600

# ok: csrf-disabled
CSRF_TRUSTED_ORIGINS = ["https://shop.example"]


class StrictSessionAuthentication(SessionAuthentication):
    # ok: csrf-disabled
    def enforce_csrf(self, request):
        super().enforce_csrf(request)


class ApiConfig:
    # The value comes from the environment.
    # ok: csrf-disabled
    WTF_CSRF_ENABLED = os.environ.get("CSRF", "1") == "1"


# A health check reads nothing and changes nothing.
# ok: csrf-disabled
@csrf_exempt
def health(request):
    return HttpResponse("ok")


# A JSON endpoint reading the body, not a form: the caller is another program.
# ok: csrf-disabled
@csrf_exempt
def ingest_metrics(request):
    rows = json.loads(request.body)
    Metric.objects.bulk_create([Metric(name=str(row["name"]), value=float(row["value"])) for row in rows])
    return HttpResponse(status=202)


class Profile:
    objects = None


class Metric:
    objects = None

    def __init__(self, name, value):
        self.name, self.value = name, value


# ok: csrf-disabled
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
