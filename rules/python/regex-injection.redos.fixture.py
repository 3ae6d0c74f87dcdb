import re


def site_url(text):
    # A repeated group around a run that may be empty: `(x*)*` splits a run of x in exponentially many ways.
    # expect: regex-injection
    return re.match(r"^(https?://)?([\da-z.-]+)\.([a-z.]{2,6})([/\w .-]*)*/?$", text)


def site_url_fixed(text):
    # ok: regex-injection
    return re.match(r"^(https?://)?([\da-z.-]+)\.([a-z.]{2,6})[/\w .-]*$", text)


def strip_trailing_comments(css):
    # The lazy run can also swallow "*/" and the next "/*", so a row of comments splits many ways.
    # expect: regex-injection
    return re.sub(r"(\s*/\*[\s\S]*?\*/\s*)+$", "", css)


def strip_last_comment(css):
    # ok: regex-injection
    return re.sub(r"/\*[^*]*\*+(?:[^/*][^*]*\*+)*/\s*$", "", css)


def placeholders(template):
    # "{" is both a character of [^}]* and the start of the next repetition.
    # expect: regex-injection
    return re.findall(r"\$\{(?:[^{}]|\{[^}]*\}?)*\}", template)


def placeholders_fixed(template):
    # ok: regex-injection
    return re.findall(r"\$\{(?:[^{}]|\{[^{}]*\})*\}", template)


def heading_rule(line):
    # expect: regex-injection
    return re.fullmatch(r"(#+#)+", line)


def heading_marks(line):
    # ok: regex-injection
    return re.fullmatch(r"#+", line)


def words_within_limit(text):
    # A lookahead backtracks like any group: the length limit after it comes too late.
    # expect: regex-injection
    return re.match(r"^(?=(\w+\s?)*$).{1,80}$", text)


def strong_password(text):
    # ok: regex-injection
    return re.match(r"^(?=.*\d)(?=.*[a-z]).{8,64}$", text)
