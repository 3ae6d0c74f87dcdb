# Real-world shapes of cross-site scripting in Python web apps (reflected HTML, mark_safe, Markup, |safe helpers), each beside its fix.
import html

from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from flask import Flask, Response, make_response, request
from markupsafe import Markup, escape

app = Flask(__name__)


# Flask search page echoing the term.
@app.route("/search")
def search():
    q = request.args.get("q", "")
    # expect: xss
    return "<h2>Results for " + q + "</h2>"


@app.route("/search-fixed")
def search_fixed():
    q = request.args.get("q", "")
    # ok: xss
    return "<h2>Results for " + html.escape(q) + "</h2>"


# Django view building HTML by hand.
def profile(request):
    name = request.GET.get("name", "")
    # expect: xss
    return HttpResponse("<div class='name'>%s</div>" % name)


def profile_fixed(request):
    name = request.GET.get("name", "")
    # ok: xss
    return HttpResponse(format_html("<div class='name'>{}</div>", name))


# A template tag / model method marking user data safe.
class Comment:
    def __init__(self, author, body):
        self.author = author
        self.body = body

    def rendered(self):
        # expect: xss
        return mark_safe("<p><b>%s</b>: %s</p>" % (self.author, self.body))

    def rendered_fixed(self):
        # ok: xss
        return format_html("<p><b>{}</b>: {}</p>", self.author, self.body)


# Markup() around an f-string with request data.
@app.route("/welcome")
def welcome():
    user = request.args.get("user", "")
    # expect: xss
    banner = Markup(f"<span>Welcome back, {user}</span>")
    return str(banner)


@app.route("/welcome-fixed")
def welcome_fixed():
    user = request.args.get("user", "")
    # ok: xss
    banner = Markup("<span>Welcome back, {}</span>").format(user)
    return str(banner)


# An error message reflected in a response with make_response.
@app.route("/item")
def item():
    item_id = request.args.get("id", "")
    # expect: xss
    return make_response(f"<p>Item {item_id} not found</p>", 404)


@app.route("/item-fixed")
def item_fixed():
    item_id = request.args.get("id", "")
    # ok: xss
    return make_response(f"<p>Item {escape(item_id)} not found</p>", 404)


# A Response with an explicit HTML mimetype.
@app.route("/echo", methods=["POST"])
def echo():
    msg = request.form["message"]
    # expect: xss
    return Response("<html><body>" + msg + "</body></html>", mimetype="text/html")


# JSON and plain text are not HTML.
@app.route("/echo-text", methods=["POST"])
def echo_text():
    msg = request.form["message"]
    # ok: xss
    return Response(msg, mimetype="text/plain")


# Tornado handler writing the query argument into an HTML body.
import tornado.web


class GreetHandler(tornado.web.RequestHandler):
    def get(self):
        name = self.get_argument("name", "")
        # expect: xss
        self.write("<h1>Hello, " + name + "</h1>")


class GreetHandlerFixed(tornado.web.RequestHandler):
    def get(self):
        name = self.get_argument("name", "")
        # ok: xss
        self.write("<h1>Hello, " + tornado.escape.xhtml_escape(name) + "</h1>")


class GreetApi(tornado.web.RequestHandler):
    def get(self):
        # ok: xss
        self.write({"hello": self.get_argument("name", "")})


# Django template filters: the value a template passes in is declared safe whole.
from django import template
from django.utils.html import conditional_escape

register = template.Library()


@register.filter
def as_bio(value):
    # expect: xss
    return mark_safe(value.replace("\n", "<br>"))


@register.filter
def as_bio_fixed(value):
    # ok: xss
    return mark_safe(conditional_escape(value).replace("\n", "<br>"))


# A Flask-Admin style column formatter returning Markup of a model field.
def comment_formatter(view, context, model, name):
    # expect: xss
    return Markup(model.body)


def comment_formatter_fixed(view, context, model, name):
    # ok: xss
    return Markup("<div class='c'>{}</div>").format(model.body)


# A tool's built-in web page on http.server, echoing a query parameter.
import http.server
import urllib.parse


class StatusPage(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        job = query.get("job", [""])[0]
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        # expect: xss
        self.wfile.write(f"<h1>Status of {job}</h1>".encode("utf-8"))


class StatusPageFixed(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        job = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query).get("job", [""])[0]
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        # ok: xss
        self.wfile.write(f"<h1>Status of {html.escape(job)}</h1>".encode("utf-8"))
