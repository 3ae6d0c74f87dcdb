# Blind set: XPath injection shapes (lxml xpath over user-controlled names), with their fixes.
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
TREE = etree.parse("users.xml")


@app.route("/user")
def user():
    name = request.args.get("name", "")
    # expect: xpath-injection
    nodes = TREE.xpath("//user[name='" + name + "']/email/text()")
    return str(nodes)


@app.route("/user-fixed")
def user_fixed():
    name = request.args.get("name", "")
    # ok: xpath-injection
    nodes = TREE.xpath("//user[name=$name]/email/text()", name=name)
    return str(nodes)


def find_setting(doc, key):
    # expect: xpath-injection
    return doc.xpath(f"/config/setting[@key='{key}']/@value")


def find_setting_fixed(doc, key):
    # ok: xpath-injection
    return doc.xpath("/config/setting[@key=$key]/@value", key=key)


def login(root, username, password):
    # expect: xpath-injection
    query = "//account[user/text()='%s' and pass/text()='%s']" % (username, password)
    # expect: xpath-injection
    return bool(root.findall(query)) or bool(root.xpath(query))


def lookup_book(tree, title):
    # expect: xpath-injection
    return tree.xpath("//book[title='%s']/price" % title)


def lookup_book_fixed(tree, title):
    finder = etree.XPath("//book[title=$t]/price")
    # ok: xpath-injection
    return finder(tree, t=title)
