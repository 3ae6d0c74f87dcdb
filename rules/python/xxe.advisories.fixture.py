# Blind set: XXE shapes from PyPI advisories (SVG/office/XML importers with lxml, sax, minidom), with their fixes.
import xml.sax
from xml.dom import minidom

import defusedxml.ElementTree as SafeET
import defusedxml.minidom
from lxml import etree


def parse_svg(data):
    # expect: xxe
    parser = etree.XMLParser(resolve_entities=True)
    return etree.fromstring(data, parser)


def parse_svg_fixed(data):
    # ok: xxe
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(data, parser)


def load_feed(path):
    # expect: xxe
    parser = etree.XMLParser(load_dtd=True, no_network=False)
    return etree.parse(path, parser)


def import_document(xml_bytes):
    # expect: xxe
    return etree.fromstring(xml_bytes, etree.XMLParser(huge_tree=True, resolve_entities=True))


def read_manifest(xml_text):
    # ok: xxe
    return SafeET.fromstring(xml_text)


class Handler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.items = []


def parse_sitemap(stream):
    parser = xml.sax.make_parser()
    # expect: xxe
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.setContentHandler(Handler())
    parser.parse(stream)


def parse_sitemap_fixed(stream):
    parser = xml.sax.make_parser()
    # ok: xxe
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    parser.setContentHandler(Handler())
    parser.parse(stream)


def parse_config(xml_string):
    # todo-expect: xxe
    doc = minidom.parseString(xml_string)
    return doc.documentElement


def parse_config_fixed(xml_string):
    # ok: xxe
    doc = defusedxml.minidom.parseString(xml_string)
    return doc.documentElement


def parse_xslt(xsl_bytes):
    # expect: xxe
    return etree.XSLT(etree.XML(xsl_bytes, etree.XMLParser(resolve_entities=True)))


def import_xml(upload):
    # expect: xxe
    tree = etree.parse(upload)
    return tree.getroot()


def import_xml_fixed(upload):
    # ok: xxe
    tree = etree.parse(upload, etree.XMLParser(resolve_entities=False))
    return tree.getroot()


def parse_response(body):
    # expect: xxe
    root = etree.fromstring(body)
    return root.findtext("status")


def load_report(xml_bytes):
    # expect: xxe
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.fromstring(xml_bytes, parser)


def load_report_fixed(xml_bytes):
    # ok: xxe
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
    return etree.fromstring(xml_bytes, parser)
