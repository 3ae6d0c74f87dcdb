import tornado.web
from django.http import HttpResponseRedirect
from django.shortcuts import redirect as django_redirect
from django.utils.http import url_has_allowed_host_and_scheme
from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from flask import Flask, make_response, redirect, request, session, url_for

app = Flask(__name__)
api = FastAPI()
SAFE_TARGETS = {"/dashboard", "/settings", "/"}


@app.route("/login", methods=["POST"])
def login():
    user = authenticate(request.form["username"], request.form["password"])
    session["user_id"] = user.id
    # expect: open-redirect
    return redirect(request.args.get("next") or url_for("index"))


@app.route("/go")
def go():
    target = request.args["to"]
    # expect: open-redirect
    return redirect(target)


@app.route("/logout")
def logout():
    session.clear()
    return_to = request.values.get("return_to", "/")
    # expect: open-redirect
    return redirect("/" + return_to.lstrip())


def login_view(request):
    next_url = request.GET.get("next", "/")
    # expect: open-redirect
    return HttpResponseRedirect(next_url)


def switch_language(request):
    # expect: open-redirect
    return django_redirect(request.POST.get("redirect_to"))


@api.get("/oauth/callback")
async def oauth_callback(code: str, state: str):
    # expect: open-redirect
    return RedirectResponse(url=state)


class LoginHandler(tornado.web.RequestHandler):
    def post(self):
        # expect: open-redirect
        self.redirect(self.get_argument("next", "/"))


@app.route("/bounce")
def bounce():
    response = make_response("", 302)
    # expect: open-redirect
    response.headers["Location"] = request.args.get("url")
    return response


def external_link(request):
    response = HttpResponseRedirect("/")
    # expect: open-redirect
    response["Location"] = request.GET["href"]
    return response


@app.route("/r/<path:url>")
def shortlink(url):
    # expect: open-redirect
    return redirect(url, code=301)


@app.route("/sso")
def sso():
    host = request.args.get("host")
    # expect: open-redirect
    return redirect(f"https://{host}/sso/complete")


@app.route("/continue")
def continue_flow():
    step = request.cookies.get("return")
    # expect: open-redirect
    return redirect(step if step else "/")


@app.route("/back")
def back():
    target = request.args.get("back", "/")
    if target.startswith("//"):
        target = "/"
    # expect: open-redirect
    return redirect(target)


@app.route("/back-safe")
def back_safe():
    target = request.args.get("back", "/")
    if not target.startswith("/") or target.startswith("//"):
        target = "/"
    # ok: open-redirect
    return redirect(target)


@app.route("/login-safe", methods=["POST"])
def login_safe():
    next_url = request.args.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.host}):
        next_url = "/"
    # ok: open-redirect
    return redirect(next_url)


@app.route("/go-safe")
def go_safe():
    target = request.args.get("to", "/")
    if target not in SAFE_TARGETS:
        target = "/"
    # ok: open-redirect
    return redirect(target)


@app.route("/profile/<username>")
def profile_redirect(username):
    # ok: open-redirect
    return redirect(f"/users/{username}/profile")


@app.route("/search-redirect")
def search_redirect():
    q = request.args.get("q", "")
    # ok: open-redirect
    return redirect(url_for("search", q=q))


@app.route("/home")
def home():
    # ok: open-redirect
    return redirect(url_for("index"))


def after_save(request, article):
    # ok: open-redirect
    return HttpResponseRedirect(article.get_absolute_url())


@app.route("/docs")
def docs():
    section = request.args.get("section", "intro")
    # ok: open-redirect
    return redirect("https://docs.example.com/guide/" + section)


@app.route("/page")
def page():
    n = request.args.get("page", 1, type=int)
    # ok: open-redirect
    return redirect("/?page=%d" % n)


class HomeHandler(tornado.web.RequestHandler):
    def get(self):
        # ok: open-redirect
        self.redirect("/static/index.html")


def redirect_home(request):
    response = HttpResponseRedirect("/")
    # ok: open-redirect
    response["Location"] = "/home/"
    return response


@app.route("/relative")
def relative_next():
    tab = request.args.get("tab")
    # ok: open-redirect
    return redirect("?tab=" + tab)


def test_login_redirects(client):
    # ok: open-redirect
    return redirect(request.args["next"])
