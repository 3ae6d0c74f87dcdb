import html

import jinja2
from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from flask import Flask, jsonify, make_response, render_template, render_template_string, request
from markupsafe import Markup, escape

app = Flask(__name__)
api = FastAPI()


@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    # expect: xss
    return f"<h1>Hello, {name}!</h1>"


@app.route("/search")
def search():
    query = request.args["q"]
    results = run_search(query)
    # expect: xss
    return "<p>Results for " + query + "</p>" + render_results(results), 200


@app.route("/echo")
def echo():
    # expect: xss
    return request.args.get("message", "")


@app.route("/error")
def error_page():
    reason = request.args.get("reason")
    # expect: xss
    response = make_response("<div class='error'>%s</div>" % reason, 400)
    return response


def greet(request):
    name = request.GET.get("name", "")
    # expect: xss
    return HttpResponse("<h2>Welcome back, {}</h2>".format(name))


@api.get("/preview")
async def preview(title: str):
    # expect: xss
    return HTMLResponse(content=f"<html><head><title>{title}</title></head></html>")


def user_link(user):
    # expect: xss
    return mark_safe(f'<a href="/users/{user.pk}">{user.display_name}</a>')


def badge(label, color):
    # expect: xss
    return Markup('<span class="badge" style="color: %s">%s</span>' % (color, label))


def owner_cell(obj):
    # expect: xss
    return format_html(f"<b>{obj.owner.get_full_name()}</b>")


def render_comment(request):
    comment = request.POST["comment"]
    # expect: xss
    return mark_safe(comment)


def report_env():
    # expect: xss
    return jinja2.Environment(loader=jinja2.FileSystemLoader("templates"), autoescape=False)


def page_env():
    # expect: xss
    return jinja2.Environment(loader=jinja2.PackageLoader("shop", "templates"))


@app.route("/bio/<int:user_id>")
def bio(user_id):
    user = load_user(user_id)
    # expect: xss
    return render_template_string("<div>{{ bio|safe }}</div>", bio=user.bio)


@app.route("/hello-safe")
def hello_safe():
    name = request.args.get("name", "world")
    # ok: xss
    return f"<h1>Hello, {escape(name)}!</h1>"


@app.route("/search-template")
def search_template():
    # ok: xss
    return render_template("search.html", query=request.args["q"])


@app.route("/api/echo")
def api_echo():
    # ok: xss
    return jsonify(message=request.args.get("message", ""))


@app.route("/api/dict")
def api_dict():
    # ok: xss
    return {"query": request.args.get("q")}


@app.route("/count")
def count():
    n = request.args.get("n", 0, type=int)
    # ok: xss
    return f"<p>{n} items</p>"


def greet_safely(request):
    name = request.GET.get("name", "")
    # ok: xss
    return HttpResponse(format_html("<h2>Welcome back, {}</h2>", name))


def plain_text(request):
    # ok: xss
    return HttpResponse(request.GET.get("q", ""), content_type="text/plain")


def user_link_safe(user):
    # ok: xss
    return format_html('<a href="/users/{}">{}</a>', user.pk, user.display_name)


def owner_cell_safe(obj):
    # ok: xss
    return format_html("<b>{}</b>", obj.owner.get_full_name())


def badge_safe(label):
    # ok: xss
    return Markup('<span class="badge">%s</span>') % label


def icon():
    # ok: xss
    return mark_safe('<svg class="icon"><use href="#star"/></svg>')


def escaped_comment(comment):
    # ok: xss
    return mark_safe("<p>" + html.escape(comment) + "</p>")


def email_env():
    # ok: xss
    return jinja2.Environment(loader=jinja2.FileSystemLoader("templates"), autoescape=jinja2.select_autoescape(["html"]))


def sql_env():
    # ok: xss
    return jinja2.Environment(loader=jinja2.FileSystemLoader("sql_templates/*.sql"))


@api.get("/json-hello")
async def json_hello(name: str):
    # ok: xss
    return f"Hello {name}"


def test_hello_renders_name(client):
    # ok: xss
    return mark_safe(request.args["name"])
