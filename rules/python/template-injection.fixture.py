import jinja2
from django.http import HttpResponse
from django.template import Context, Template
from flask import Flask, render_template, render_template_string, request
from jinja2.sandbox import SandboxedEnvironment
from mako.template import Template as MakoTemplate

app = Flask(__name__)
env = jinja2.Environment(loader=jinja2.PackageLoader("shop"), autoescape=True)
GREETING = "<h1>Welcome to the shop</h1>"


@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    # expect: template-injection
    return render_template_string("<h1>Hello " + name + "!</h1>")


@app.route("/error")
def page_not_found():
    path = request.path
    template = f"""
    <div class="center-content error">
        <h1>Oops! That page doesn't exist.</h1>
        # expect: template-injection
        <h3>{path}</h3>
    </div>
    """
    # expect: template-injection
    return render_template_string(template), 404


@app.route("/preview", methods=["POST"])
def preview():
    body = request.form["body"]
    # expect: template-injection
    return jinja2.Template(body).render(user=current_user())


@app.route("/email/preview", methods=["POST"])
def email_preview():
    subject = request.json["subject"]
    # expect: template-injection
    return env.from_string("Subject: %s\n\n{{ body }}" % subject).render(body="...")


def render_banner(request):
    title = request.GET.get("title", "")
    # expect: template-injection
    template = Template("<div class='banner'>{}</div>".format(title))
    return HttpResponse(template.render(Context({})))


def report_header(company_name):
    # expect: template-injection
    return MakoTemplate(f"<h2>Report for {company_name}</h2>").render()


def notification_text(user, message):
    # expect: template-injection
    return jinja2.Template("Hi {{ user.name }}, " + message).render(user=user)


@app.route("/greet")
def greet():
    fmt = request.args.get("format", "Hello {name}")
    # expect: template-injection, xss
    return fmt.format(name=current_user().name, user=current_user())


@app.route("/render", methods=["POST"])
def render_raw():
    # expect: template-injection
    return render_template_string(request.form.get("template"))


class InvoiceView:
    def render(self, request):
        note = request.POST.get("note")
        # expect: template-injection
        footer = "<footer>" + note + "</footer>"
        html = "<main>{{ invoice.total }}</main>"
        log_render(html)
        # expect: template-injection
        return render_template_string(html + footer, invoice=self.invoice)


def mail_subject(customer):
    # expect: template-injection
    return env.from_string(f"Order update for {customer.display_name}").render()


def welcome_text(name):
    # expect: template-injection
    return jinja2.Template("Welcome, %s!" % name).render()


@app.route("/hello-safe")
def hello_safe():
    name = request.args.get("name", "guest")
    # ok: template-injection
    return render_template_string("<h1>Hello {{ name }}!</h1>", name=name)


@app.route("/home")
def home():
    # ok: template-injection
    return render_template_string(GREETING + "<p>{{ message }}</p>", message="Open all week")


@app.route("/profile")
def profile():
    # ok: template-injection
    return render_template("profile.html", name=request.args.get("name"))


def sandboxed_preview(request):
    sandbox = SandboxedEnvironment()
    # ok: template-injection
    return sandbox.from_string(request.POST["body"]).render()


def render_stored(template_source, context):
    """Renders templates admins saved through the CMS editor."""
    # ok: template-injection
    return jinja2.Template(template_source).render(**context)


def load_template(name):
    with open(f"templates/{name}.j2") as handle:
        source = handle.read()
    # ok: template-injection
    return env.from_string(source)


def money(amount):
    # ok: template-injection
    return "{:,.2f} EUR".format(amount)


def greeting_line(request):
    name = request.GET.get("name", "")
    # ok: template-injection
    return "Hello {}".format(name)


def dollar_template(request):
    from string import Template as StringTemplate
    # ok: template-injection
    return StringTemplate("Hello $name").safe_substitute(name=request.GET["name"])


def price_label(total):
    # ok: template-injection
    return jinja2.Template("Total: " + str(int(total)) + " {{ currency }}").render(currency="EUR")


def parse_amount(text):
    from decimal import Context as DecimalContext
    # ok: template-injection
    return DecimalContext().from_string(text)


def test_render_greeting():
    user = "alice"
    # ok: template-injection
    assert render_template_string("Hi " + user) == "Hi alice"
