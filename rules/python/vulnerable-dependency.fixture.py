# expect: vulnerable-dependency
import yaml
# ok: vulnerable-dependency
import requests
# ok: vulnerable-dependency
from jinja2 import Environment, select_autoescape

env = Environment(autoescape=select_autoescape())


def load_settings(url):
    text = requests.get(url, timeout=10).text
    return yaml.safe_load(text)


def render(name, values):
    return env.get_template(name).render(**values)
