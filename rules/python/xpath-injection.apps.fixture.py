# XML user store lookup (XPath labs).
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
TREE = etree.parse("/srv/app/users.xml")


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    pw = request.form["password"]
    # expect: xpath-injection
    found = TREE.xpath("//user[name/text()='" + user + "' and password/text()='" + pw + "']")
    return "ok" if found else "denied"


@app.route("/login-safe", methods=["POST"])
def login_safe():
    user = request.form["user"]
    pw = request.form["password"]
    # ok: xpath-injection
    found = TREE.xpath("//user[name/text()=$u and password/text()=$p]", u=user, p=pw)
    return "ok" if found else "denied"


@app.route("/book")
def book():
    title = request.args["title"]
    root = TREE.getroot()
    # expect: xpath-injection
    return str(root.xpath(f"//book[title='{title}']/price/text()"))
