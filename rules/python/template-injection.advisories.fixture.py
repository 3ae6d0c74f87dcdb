# Blind set: server-side template injection shapes from PyPI advisories and training apps, with their fixes.
import jinja2
from django.http import HttpResponse
from django.template import Context, Engine, Template as DjangoTemplate
from flask import Flask, render_template, render_template_string, request
from jinja2 import Environment, Template
from jinja2.sandbox import SandboxedEnvironment
from mako.template import Template as MakoTemplate

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    # expect: template-injection
    return render_template_string("<h1>Hello " + name + "!</h1>")


@app.route("/hello-fixed")
def hello_fixed():
    name = request.args.get("name", "guest")
    # ok: template-injection
    return render_template_string("<h1>Hello {{ name }}!</h1>", name=name)


@app.route("/page")
def page():
    title = request.args.get("title", "")
    # expect: template-injection
    template = f"<title>{title}</title><body>{{{{ body }}}}</body>"
    # expect: template-injection
    return render_template_string(template, body="hi")


def render_notification(template_text, context):
    # expect: template-injection
    return Template(template_text).render(**context)


def render_notification_fixed(template_text, context):
    env = SandboxedEnvironment()
    # ok: template-injection
    return env.from_string(template_text).render(**context)


def render_email(subject_template, user):
    env = Environment()
    # expect: template-injection
    return env.from_string(subject_template).render(user=user)


def preview(request):
    body = request.POST.get("body", "")
    # expect: template-injection
    template = DjangoTemplate(body)
    return HttpResponse(template.render(Context({})))


def preview_fixed(request):
    body = request.POST.get("body", "")
    template = DjangoTemplate("{{ body }}")
    # ok: template-injection
    return HttpResponse(template.render(Context({"body": body})))


def render_report(request):
    layout = request.GET["layout"]
    # expect: template-injection
    return HttpResponse(Engine.get_default().from_string(layout).render(Context({})))


def render_mako(text, **kwargs):
    # expect: template-injection
    return MakoTemplate(text).render(**kwargs)


@app.route("/greet")
def greet():
    name = request.args.get("name", "guest")
    # ok: template-injection
    return render_template("greet.html", name=name)


def build_env(loader_path):
    # ok: template-injection
    return jinja2.Environment(loader=jinja2.FileSystemLoader(loader_path), autoescape=True)


@app.route("/custom", methods=["POST"])
def custom_page():
    # expect: template-injection
    return render_template_string(request.form.get("template", ""))


def render_subject(request, ticket):
    subject_tpl = request.POST["subject"]
    env = Environment(autoescape=True)
    # expect: template-injection
    return env.from_string(subject_tpl).render(ticket=ticket)


def render_subject_fixed(request, ticket):
    subject_tpl = request.POST["subject"]
    env = SandboxedEnvironment(autoescape=True)
    # ok: template-injection
    return env.from_string(subject_tpl).render(ticket=ticket)


def render_greeting(ctx, template="Hello {{ name }}!"):
    # ok: template-injection
    return Template(template).render(**ctx)
