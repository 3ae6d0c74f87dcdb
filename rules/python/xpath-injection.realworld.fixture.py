# Real-world shapes of XPath injection in Python (lxml user stores, config lookups), each beside its fix.
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
USERS = etree.parse("users.xml")


@app.route("/login", methods=["POST"])
def login():
    name = request.form["name"]
    password = request.form["password"]
    # expect: xpath-injection
    found = USERS.xpath("//user[name/text()='" + name + "' and password/text()='" + password + "']")
    return "ok" if found else "denied"


@app.route("/login-fixed", methods=["POST"])
def login_fixed():
    # ok: xpath-injection
    found = USERS.xpath("//user[name/text()=$name and password/text()=$pw]", name=request.form["name"], pw=request.form["password"])
    return "ok" if found else "denied"


# A library lookup by a caller's key.
def setting(tree, key):
    # expect: xpath-injection
    nodes = tree.xpath(f"/config/setting[@name='{key}']/@value")
    return nodes[0] if nodes else None


def setting_fixed(tree, key):
    # ok: xpath-injection
    nodes = tree.xpath("/config/setting[@name=$key]/@value", key=key)
    return nodes[0] if nodes else None
