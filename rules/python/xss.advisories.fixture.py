# Blind set: XSS shapes from PyPI advisories and training apps (Markup, mark_safe, format_html, HTML by formatting), with fixes.
from flask import render_template_string
from fastapi import FastAPI
from aiohttp import web
from fastapi.responses import HTMLResponse
from html import escape

from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from flask import Flask, make_response, request
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
import tornado.web
from tornado.escape import xhtml_escape

app = Flask(__name__)
api = FastAPI()


@app.route("/search")
def search():
    q = request.args.get("q", "")
    # expect: xss
    return "<h2>Results for " + q + "</h2>"


@app.route("/search-fixed")
def search_fixed():
    q = request.args.get("q", "")
    # ok: xss
    return "<h2>Results for " + escape(q) + "</h2>"


@app.route("/greet")
def greet():
    name = request.args.get("name", "")
    # expect: xss
    return make_response(f"<p>Hello {name}</p>")


def render_label(label):
    # expect: xss
    return Markup("<span class='label'>%s</span>" % label)


def render_label_fixed(label):
    # ok: xss
    return Markup("<span class='label'>%s</span>") % label


def user_link(user):
    # expect: xss
    return mark_safe('<a href="/u/%s">%s</a>' % (user.id, user.display_name))


def user_link_fixed(user):
    # ok: xss
    return format_html('<a href="/u/{}">{}</a>', user.id, user.display_name)


def comment_view(request):
    body = request.POST.get("body", "")
    # expect: xss
    return HttpResponse("<div class='comment'>%s</div>" % body)


def comment_view_fixed(request):
    body = request.POST.get("body", "")
    # ok: xss
    return HttpResponse("<div class='comment'>%s</div>" % escape(body))


def make_env(path):
    # expect: xss
    return Environment(loader=FileSystemLoader(path), autoescape=False)


def make_env_fixed(path):
    # ok: xss
    return Environment(loader=FileSystemLoader(path), autoescape=select_autoescape(["html", "xml"]))


def render_error_page(message):
    # expect: xss
    html = "<html><body><h1>Error</h1><p>{}</p></body></html>".format(message)
    # expect: xss
    return Markup(html)


def format_tooltip(text):
    # expect: xss
    return mark_safe(f"<abbr title='{text}'>?</abbr>")


def format_tooltip_fixed(text):
    # ok: xss
    return format_html("<abbr title='{}'>?</abbr>", text)


def nl2br(value):
    # expect: xss
    return Markup(value.replace("\n", "<br>\n"))


def nl2br_fixed(value):
    # ok: xss
    return Markup(escape(value).replace("\n", Markup("<br>\n")))


def hello_django(request):
    name = request.GET.get("name", "")
    # expect: xss
    return HttpResponse("Hello, " + name)


@app.route("/preview")
def preview():
    body = request.args.get("body", "")
    # expect: xss
    return render_template_string("<div>{{ body|safe }}</div>", body=body)


@app.route("/preview-fixed")
def preview_fixed():
    body = request.args.get("body", "")
    # ok: xss
    return render_template_string("<div>{{ body }}</div>", body=body)


async def aio_hello(request):
    name = request.query.get("name", "")
    # expect: xss
    return web.Response(text=f"<h1>Hello {name}</h1>", content_type="text/html")


@api.get("/page")
def fastapi_page(q: str):
    # expect: xss
    return HTMLResponse(f"<p>You searched for {q}</p>")


@api.get("/page-fixed")
def fastapi_page_fixed(q: str):
    # ok: xss
    return HTMLResponse(f"<p>You searched for {escape(q)}</p>")


@api.get("/welcome", response_class=HTMLResponse)
def welcome(name: str):
    # expect: xss
    return f"<h1>Welcome {name}</h1>"


@api.get("/welcome-fixed", response_class=HTMLResponse)
def welcome_fixed(name: str):
    # ok: xss
    return f"<h1>Welcome {escape(name)}</h1>"


@api.get("/welcome.json")
def welcome_json(name: str):
    # ok: xss
    return f"Welcome {name}"


class GreetHandler(tornado.web.RequestHandler):
    def post(self):
        name = self.get_body_argument("name")
        # expect: xss
        self.write("<h1>Hello " + name + "</h1>")


class GreetHandlerFixed(tornado.web.RequestHandler):
    def post(self):
        name = self.get_body_argument("name")
        # ok: xss
        self.write("<h1>Hello " + xhtml_escape(name) + "</h1>")
