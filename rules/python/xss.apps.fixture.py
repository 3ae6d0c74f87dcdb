# Guestbook/profile pages of a vulnerable app and HTML helpers of a small library.
import html

from django.http import HttpResponse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from flask import Flask, make_response, request
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

app = Flask(__name__)


@app.route("/search")
def search():
    q = request.args.get("q", "")
    # expect: xss
    return "<h2>Results for " + q + "</h2>"


@app.route("/search-safe")
def search_safe():
    q = request.args.get("q", "")
    # ok: xss
    return "<h2>Results for " + html.escape(q) + "</h2>"


@app.route("/profile")
def profile():
    bio = request.args.get("bio", "")
    # expect: xss
    resp = make_response(f"<div class='bio'>{bio}</div>")
    return resp


@app.route("/comment", methods=["POST"])
def comment():
    text = request.form["text"]
    # expect: xss
    return render_page(Markup(text))


@app.route("/comment-safe", methods=["POST"])
def comment_safe():
    text = request.form["text"]
    # ok: xss
    return render_page(Markup.escape(text))


def render_page(content):
    return "<html><body>%s</body></html>" % content


def guestbook(request):
    name = request.GET.get("name", "")
    # expect: xss
    return HttpResponse("<p>Thanks for signing, %s!</p>" % name)


def guestbook_safe(request):
    name = request.GET.get("name", "")
    # ok: xss
    return HttpResponse("<p>Thanks for signing, %s!</p>" % escape(name))


def user_badge(request):
    username = request.GET["username"]
    # expect: xss
    badge = mark_safe("<span class='badge'>" + username + "</span>")
    return HttpResponse(badge)


def user_badge_safe(request):
    username = request.GET["username"]
    # ok: xss
    badge = format_html("<span class='badge'>{}</span>", username)
    return HttpResponse(badge)


# ---- library ----

def link_html(url, label):
    # expect: xss
    return Markup('<a href="%s">%s</a>' % (url, label))


def link_html_safe(url, label):
    # ok: xss
    return Markup('<a href="{}">{}</a>').format(url, label)


def make_env(template_dir):
    # expect: xss
    return Environment(loader=FileSystemLoader(template_dir), autoescape=False)


def make_env_safe(template_dir):
    # ok: xss
    return Environment(loader=FileSystemLoader(template_dir), autoescape=select_autoescape(["html", "xml"]))


def highlight(term, text):
    # expect: xss
    return mark_safe(text.replace(term, "<mark>%s</mark>" % term))


def highlight_safe(term, text):
    # ok: xss
    return mark_safe(escape(text).replace(escape(term), "<mark>%s</mark>" % escape(term)))
