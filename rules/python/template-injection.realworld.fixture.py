# Real-world shapes of server-side template injection in Python (Flask error pages, email templates, report builders), each beside its fix.
import jinja2
from django.http import HttpResponse
from django.template import Context, Template as DjangoTemplate
from flask import Flask, render_template, render_template_string, request
from jinja2 import Environment, Template
from mako.template import Template as MakoTemplate

app = Flask(__name__)


# The Flask 404 page that echoes the URL into the template source.
@app.errorhandler(404)
def not_found(e):
    # expect: template-injection
    template = "<h1>Not found</h1><p>%s was not found.</p>" % request.url
    # expect: template-injection
    return render_template_string(template), 404


@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    # expect: template-injection
    return render_template_string(f"<p>Hello {name}!</p>")


@app.route("/hello-fixed")
def hello_fixed():
    name = request.args.get("name", "guest")
    # ok: template-injection
    return render_template_string("<p>Hello {{ name }}!</p>", name=name)


# An email service rendering a template whose text is stored by users (a "custom message" feature).
def render_email(body_template, user):
    # expect: template-injection
    return Template(body_template).render(user=user)


def render_email_fixed(body_template, user):
    from jinja2.sandbox import SandboxedEnvironment
    # ok: template-injection
    return SandboxedEnvironment().from_string(body_template).render(user=user)


# Jinja Environment.from_string with a POSTed template.
env = Environment(autoescape=True)


@app.route("/preview", methods=["POST"])
def preview():
    source = request.form["template"]
    # expect: template-injection
    return env.from_string(source).render()


# Django: a greeting built into template source.
def greet(request):
    who = request.GET.get("who", "")
    # expect: template-injection
    tpl = DjangoTemplate("<p>Welcome, " + who + "</p>")
    return HttpResponse(tpl.render(Context({})))


def greet_fixed(request):
    who = request.GET.get("who", "")
    # ok: template-injection
    tpl = DjangoTemplate("<p>Welcome, {{ who }}</p>")
    return HttpResponse(tpl.render(Context({"who": who})))


# Mako with a report title from the query string.
@app.route("/report")
def report():
    title = request.args.get("title", "Report")
    # expect: template-injection
    return MakoTemplate("<h1>" + title + "</h1>${body}").render(body="...")


# Rendering a named template file is safe.
@app.route("/page")
def page():
    # ok: template-injection
    return render_template("page.html", title=request.args.get("title"))
