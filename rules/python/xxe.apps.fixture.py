# XML import endpoints (SAML/feeds/invoices) of a vulnerable app and parsing helpers.
import xml.sax
from xml.dom import minidom

import defusedxml.ElementTree as SafeET
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.route("/import", methods=["POST"])
def import_invoice():
    # expect: xxe
    parser = etree.XMLParser(resolve_entities=True)
    doc = etree.fromstring(request.data, parser)
    return doc.findtext("total")


@app.route("/import-safe", methods=["POST"])
def import_invoice_safe():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: xxe
    doc = etree.fromstring(request.data, parser)
    return doc.findtext("total")


@app.route("/feed", methods=["POST"])
def parse_feed():
    # expect: xxe
    parser = etree.XMLParser(load_dtd=True, no_network=False)
    tree = etree.parse(request.files["feed"], parser)
    return str(len(tree.getroot()))


@app.route("/sax", methods=["POST"])
def sax_upload():
    handler = xml.sax.ContentHandler()
    parser = xml.sax.make_parser()
    # expect: xxe
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(request.files["doc"])
    return "parsed"


@app.route("/sax-safe", methods=["POST"])
def sax_upload_safe():
    handler = xml.sax.ContentHandler()
    parser = xml.sax.make_parser()
    # ok: xxe
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(request.files["doc"])
    return "parsed"


@app.route("/saml", methods=["POST"])
def saml_acs():
    saml = request.form["SAMLResponse"]
    # ok: xxe
    root = SafeET.fromstring(saml)
    return root.tag


# ---- library ----

def load_settings_xml(path):
    # expect: xxe
    parser = etree.XMLParser(resolve_entities=True, huge_tree=True)
    return etree.parse(path, parser).getroot()


def load_settings_xml_safe(path):
    # ok: xxe
    parser = etree.XMLParser(resolve_entities=False)
    return etree.parse(path, parser).getroot()


def pretty(xml_text):
    # todo-expect: xxe
    return minidom.parseString(xml_text).toprettyxml()
