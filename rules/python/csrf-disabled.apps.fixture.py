# Views of a vulnerable Django app and Flask-WTF config.
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from flask import Flask

app = Flask(__name__)
# expect: csrf-disabled
app.config["WTF_CSRF_ENABLED"] = False


# expect: csrf-disabled
@csrf_exempt
def transfer_funds(request):
    amount = int(request.POST["amount"])
    request.user.account.transfer(request.POST["to"], amount)
    return JsonResponse({"ok": True})


# ok: csrf-disabled
@csrf_protect
def transfer_funds_safe(request):
    amount = int(request.POST["amount"])
    request.user.account.transfer(request.POST["to"], amount)
    return JsonResponse({"ok": True})


# expect: csrf-disabled
@csrf_exempt
def change_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return JsonResponse({"ok": True})


MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # expect: csrf-disabled
    # "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
