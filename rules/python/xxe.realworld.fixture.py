# Real-world shapes of XML external entity processing in Python (SAML, feeds, uploads, SOAP), each beside its fix.
import xml.dom.minidom
import xml.sax

import defusedxml.ElementTree as SafeET
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)


# An upload parsed with lxml's default parser.
@app.route("/import", methods=["POST"])
def import_xml():
    data = request.files["file"].read()
    # expect: xxe
    root = etree.fromstring(data)
    return jsonify(items=len(root))


@app.route("/import-fixed", methods=["POST"])
def import_xml_fixed():
    data = request.files["file"].read()
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: xxe
    root = etree.fromstring(data, parser)
    return jsonify(items=len(root))


# A parser configured to resolve entities explicitly.
def parse_feed(content):
    # expect: xxe
    parser = etree.XMLParser(resolve_entities=True)
    return etree.fromstring(content, parser=parser)


# SOAP endpoint reading the request body.
@app.route("/soap", methods=["POST"])
def soap():
    # expect: xxe
    doc = etree.parse(request.stream)
    return doc.getroot().tag


# minidom on a posted body.
@app.route("/minidom", methods=["POST"])
def minidom_endpoint():
    # expect: xxe
    dom = xml.dom.minidom.parseString(request.data)
    return dom.documentElement.tagName


# The fix the big projects ship: defusedxml.
@app.route("/defused", methods=["POST"])
def defused():
    # ok: xxe
    root = SafeET.fromstring(request.data)
    return root.tag


# SAX with external general entities turned on.
def parse_with_sax(stream, handler):
    parser = xml.sax.make_parser()
    # expect: xxe
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(stream)
