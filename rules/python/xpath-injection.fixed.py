from django.http import JsonResponse
from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
USERS = etree.parse("data/users.xml")
CATALOG = etree.parse("data/catalog.xml")


@app.route("/login", methods=["POST"])
def login():
    user = request.form["username"]
    password = request.form["password"]
    # expect: xpath-injection
    match = USERS.xpath("//user[name=$user and password=$password]", user=user, password=password)
    return ("ok", 200) if match else ("denied", 401)


@app.route("/books")
def books_by_author():
    author = request.args.get("author", "")
    # expect: xpath-injection
    nodes = CATALOG.getroot().xpath("//book[author=$author]/title/text()", author=author)
    return jsonify(list(nodes))


@app.route("/product/<sku>")
def product(sku):
    # expect: xpath-injection
    found = CATALOG.xpath("//product[@sku='%s']" % sku)
    return jsonify(found[0].attrib if found else {})


def find_setting(tree, key):
    # expect: xpath-injection
    return tree.xpath("/config/setting[@key=$key]/@value", key=key)


@app.route("/category")
def category():
    name = request.args["name"]
    # expect: xpath-injection
    query = etree.XPath(f"//category[@name='{name}']/item")
    print("compiled")
    return jsonify(len(query(CATALOG)))


def users_view(request):
    role = request.GET.get("role")
    # expect: xpath-injection
    nodes = USERS.findall(f".//user[@role='{role}']")
    return JsonResponse({"count": len(nodes)})


def price_of(root, title):
    # expect: xpath-injection
    expression = "//book[title=\"" + title + "\"]/price"
    print(expression)
    # expect: xpath-injection
    return root.xpath(expression)


@app.route("/search")
def search():
    field = request.args.get("field", "title")
    # expect: xpath-injection
    return jsonify([n.text for n in CATALOG.xpath(f"//book/{field}")])


def employee(tree, employee_id):
    # expect: xpath-injection
    return tree.xpath("//employee[@id=$employee_id]", employee_id=employee_id)


@app.route("/contains")
def contains_search():
    word = request.args["w"]
    # expect: xpath-injection
    return jsonify([e.text for e in CATALOG.xpath("//title[contains(., $word)]", word=word)])


def tag_nodes(root, tag):
    # expect: xpath-injection
    return root.iterfind(".//item[@tag='%s']" % tag)


@app.route("/orders")
def orders():
    status = request.args.get("status")
    # expect: xpath-injection
    return jsonify(len(CATALOG.xpath("//order[status=\"%s\"]" % status)))


@app.route("/login-safe", methods=["POST"])
def login_safe():
    # ok: xpath-injection
    match = USERS.xpath("//user[name=$name and password=$pw]", name=request.form["username"], pw=request.form["password"])
    return ("ok", 200) if match else ("denied", 401)


@app.route("/books-safe")
def books_safe():
    by_author = etree.XPath("//book[author=$author]/title/text()")
    # ok: xpath-injection
    return jsonify(list(by_author(CATALOG, author=request.args.get("author", ""))))


@app.route("/page/<int:page>")
def page(page):
    # ok: xpath-injection
    return jsonify(len(CATALOG.xpath(f"//book[{page}]")))


def all_titles(root):
    # ok: xpath-injection
    return root.xpath("//book/title/text()")


def child_items(root, tag):
    """Tags come from the schema definition."""
    # ok: xpath-injection
    return root.findall(f".//{tag}")


@app.route("/section")
def section():
    name = request.args.get("name")
    if name not in {"intro", "usage", "faq"}:
        abort(404)
    # ok: xpath-injection
    return jsonify(len(CATALOG.xpath(f"//section[@id='{name}']")))


def find_in_text(haystack, needle):
    # ok: xpath-injection
    return haystack.find("[@" + needle)


def nth_item(root, index):
    # ok: xpath-injection
    return root.xpath("//item[%d]" % int(index))


def names(root):
    # ok: xpath-injection
    return [n.findtext("name") for n in root.findall("./user")]


def by_lang(root, lang):
    # ok: xpath-injection
    return root.xpath("//entry[@lang=$lang]", lang=lang)


def escape_and_find(root, sku):
    safe = sanitize_xpath_literal(sku)
    # ok: xpath-injection
    return root.xpath(f"//product[@sku={safe}]")


def test_login_query():
    user = "admin"
    # ok: xpath-injection
    USERS.xpath(f"//user[name='{user}']")
