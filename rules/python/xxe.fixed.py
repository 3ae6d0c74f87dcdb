import xml.dom.minidom
import xml.etree.ElementTree as ET
import xml.sax
from xml.sax.handler import feature_external_ges

import defusedxml.ElementTree as SafeET
from django.http import HttpResponse
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)


@app.route("/import", methods=["POST"])
def import_products():
    # expect: xxe
    root = etree.fromstring(request.data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    return jsonify(count=len(root.findall("product")))


@app.route("/upload-xml", methods=["POST"])
def upload_xml():
    upload = request.files["document"]
    # expect: xxe
    tree = etree.parse(upload, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    return jsonify(title=tree.findtext("title"))


def parse_invoice(xml_bytes):
    """Public helper used by the invoice API and the e-mail importer."""
    # expect: xxe
    return etree.XML(xml_bytes, parser=etree.XMLParser(resolve_entities=False, no_network=True))


def permissive_parser():
    # expect: xxe
    return etree.XMLParser(resolve_entities=False)


def dtd_parser():
    # expect: xxe
    return etree.XMLParser(load_dtd=True, no_network=False)


def soap_endpoint(request):
    # expect: xxe
    doc = xml.dom.minidom.parseString(request.body)
    return HttpResponse(doc.documentElement.tagName)


@app.route("/rss", methods=["POST"])
def rss():
    # expect: xxe
    feed = ET.fromstring(request.get_data())
    return jsonify(items=len(feed.findall(".//item")))


def sax_parser(handler):
    parser = xml.sax.make_parser()
    # expect: xxe
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    return parser


class SamlResponse:
    def __init__(self, assertion):
        # expect: xxe
        self.document = etree.fromstring(assertion.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False, no_network=True))


@app.route("/svg", methods=["POST"])
def sanitize_svg():
    # expect: xxe
    root = etree.fromstring(request.files["svg"].read(), parser=etree.XMLParser(resolve_entities=False, no_network=True))
    return etree.tostring(root)


def huge_parser():
    # expect: xxe
    return etree.XMLParser(huge_tree=True)


@app.route("/kml", methods=["POST"])
def kml():
    body = request.get_data()
    # expect: xxe
    return jsonify(ET.parse(body).getroot().tag)


@app.route("/import-safe", methods=["POST"])
def import_products_safely():
    # ok: xxe
    root = SafeET.fromstring(request.data)
    return jsonify(count=len(root.findall("product")))


def parse_invoice_hardened(xml_bytes):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: xxe
    return etree.fromstring(xml_bytes, parser=parser)


def strict_parser():
    # ok: xxe
    return etree.XMLParser(resolve_entities=False, load_dtd=True)


def default_parser():
    # ok: xxe
    return etree.XMLParser(remove_blank_text=True)


def load_settings():
    # ok: xxe
    return etree.parse(open("settings.xml"))


def load_schema():
    # ok: xxe
    return etree.parse("schemas/invoice.xsd")


def parse_config(path):
    """Reads the application's own configuration file."""
    # ok: xxe
    return ET.parse(path).getroot()


def sax_parser_safe(handler):
    parser = xml.sax.make_parser()
    # ok: xxe
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    return parser


def render_fragment(markup):
    # ok: xxe
    return etree.tostring(etree.Element("div", text=markup))


@app.route("/html-title", methods=["POST"])
def html_title():
    from lxml import html
    # ok: xxe
    page = html.fromstring(request.data)
    return page.findtext(".//title")


def roundtrip(element):
    # ok: xxe
    return ET.fromstring(ET.tostring(element))


def test_import_parses_products():
    # ok: xxe
    etree.fromstring(request.data)
