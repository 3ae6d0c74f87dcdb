# Greeting/email-preview pages (SSTI labs) and a notification library.
from django.http import HttpResponse
from django.template import Context, Template as DjangoTemplate
from flask import Flask, render_template, render_template_string, request
from jinja2 import Environment, Template
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    # expect: template-injection
    template = "<h1>Hello %s!</h1>" % name
    # expect: template-injection
    return render_template_string(template)


@app.route("/hello-safe")
def hello_safe():
    name = request.args.get("name", "guest")
    # ok: template-injection
    return render_template_string("<h1>Hello {{ name }}!</h1>", name=name)


@app.route("/preview", methods=["POST"])
def preview_email():
    body = request.form["body"]
    # expect: template-injection
    return Template(body).render(user="alice")


@app.route("/preview-safe", methods=["POST"])
def preview_email_safe():
    body = request.form["body"]
    env = SandboxedEnvironment()
    # ok: template-injection
    return env.from_string(body).render(user="alice")


@app.route("/404")
def not_found():
    page = request.args.get("page", "")
    # expect: template-injection
    return render_template_string(f"<p>Page {page} was not found</p>"), 404


@app.route("/404-safe")
def not_found_safe():
    page = request.args.get("page", "")
    # ok: template-injection
    return render_template("404.html", page=page), 404


def django_greeting(request):
    greeting = request.GET.get("greeting", "Hi")
    # expect: template-injection
    t = DjangoTemplate("<p>" + greeting + " {{ user.username }}</p>")
    return HttpResponse(t.render(Context({"user": request.user})))


def django_greeting_safe(request):
    greeting = request.GET.get("greeting", "Hi")
    t = DjangoTemplate("<p>{{ greeting }} {{ user.username }}</p>")
    # ok: template-injection
    return HttpResponse(t.render(Context({"greeting": greeting, "user": request.user})))


# ---- library ----

def render_notification(template_text, **values):
    env = Environment()
    # expect: template-injection
    return env.from_string(template_text).render(**values)


def render_notification_safe(template_text, **values):
    env = SandboxedEnvironment(autoescape=True)
    # ok: template-injection
    return env.from_string(template_text).render(**values)


def render_subject(subject_tpl, ctx):
    # expect: template-injection
    return Template(subject_tpl).render(ctx)
