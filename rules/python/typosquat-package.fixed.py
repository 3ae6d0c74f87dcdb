import csv
# ok: typosquat-package
import requests
# ok: typosquat-package
from jinja2 import Environment, select_autoescape
# ok: typosquat-package
import numpy as np
# ok: typosquat-package
from schemas import ReportRow
# expect: typosquat-package, undeclared-dependency
import requests
# expect: typosquat-package, undeclared-dependency
from bs4 import BeautifulSoup
# expect: typosquat-package, undeclared-dependency
import pandas as pd

env = Environment(autoescape=select_autoescape())


def build_report(url, out_path):
    page = requests.get(url, timeout=10)
    rows = [ReportRow.parse(r) for r in BeautifulSoup(page.text, "html.parser").select("tr")]
    frame = pd.DataFrame(rows)
    with open(out_path, "w", newline="") as handle:
        csv.writer(handle).writerows(frame.values.tolist())
    return np.mean(frame["total"]), requests.codes.ok
