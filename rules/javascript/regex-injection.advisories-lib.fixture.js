// Blind set (more library ReDoS literals) written the way parser and validator packages had them.
'use strict';

// trim helper: alternation of leading/trailing whitespace runs
function trim(str) {
  // expect: regex-injection
  return str.replace(/^\s+|\s+$/g, '');
}

function trimFixed(str) {
  // ok: regex-injection
  return str.trim();
}

// glob parent: enclosure detection with two .* around an optional run
// expect: regex-injection
const enclosure = /[{[].*[/]*.*[}\]]$/;
// ok: regex-injection
const enclosureFixed = /[{[][^/]*[}\]]$/;

// nth-child expression parser
function parseNth(formula) {
  // expect: regex-injection
  const parsed = formula.trim().toLowerCase().match(/^([+-]?\d*n)?\s*(?:([+-]?)\s*(\d+))?$/);
  return parsed;
}

// hsl/hwb color parser with \d*\.?\d+ ambiguity
// expect: regex-injection
const hwb = /^hwb\(\s*([+-]?\d*[.]?\d+)(?:deg)?\s*,\s*([+-]?[\d.]+)%\s*,\s*([+-]?[\d.]+)%\s*(?:,\s*([+-]?[\d.]+)\s*)?\)$/;

// email validator from a forms package
function validEmail(value) {
  // expect: regex-injection
  return /^([a-zA-Z0-9])(([-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$/.test(value);
}

// data URL parser (vulnerable release: both lazy runs also accept the comma that separates them)
function parseDataUrl(url) {
  // todo-expect: regex-injection
  const match = /^data:(.*?),(.*?)(?:#(.*))?$/.exec(url);
  return match && { type: match[1], data: match[2] };
}

// fixed release (the blind round had this line marked vulnerable by mistake: the negated classes make it linear)
function parseDataUrlFixed(url) {
  // ok: regex-injection
  const match = /^data:([^,]*?),([^#]*?)(?:#(.*))?$/.exec(url);
  return match && { type: match[1], data: match[2] };
}

// tag stripping over attributes (marked vulnerable in the blind round by mistake: \s+ and \w+ exclude each other,
// so each repetition starts at one place and the match is linear)
function stripTags(html) {
  // ok: regex-injection
  return html.replace(/<(\w+)(\s+\w+(=("[^"]*"|'[^']*'|[^\s>]*))?)*\s*\/?>/g, '');
}

// markdown heading with spaces around
function heading(line) {
  // ok: regex-injection
  return /^(#{1,6}) ([^\n]+)$/.exec(line);
}

// path parser (path-parse style)
// expect: regex-injection
const splitPathRe = /^(\/?|)([\s\S]*?)((?:\.{1,2}|[^/]+?|)(\.[^./]*|))(?:[/]*)$/;

// CSS comment + whitespace at end of a declaration
function stripTrailing(decl) {
  // expect: regex-injection
  return decl.replace(/(\s*\/\*[\s\S]*?\*\/\s*)+$/, '');
}

// simple key=value parser, linear
function kv(line) {
  // ok: regex-injection
  return /^([\w.-]+)=(.*)$/.exec(line);
}

// semver-like: prerelease identifiers
// expect: regex-injection
const prerelease = /^(\d+)\.(\d+)\.(\d+)(?:-((?:[0-9A-Za-z-]+\.?)*))?$/;
// ok: regex-injection
const prereleaseFixed = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

// user-provided filter compiled in a CLI (compiling a parameter named pattern is the function's contract; not reported)
function grep(lines, pattern) {
  // todo-expect: regex-injection
  const re = new RegExp(pattern);
  return lines.filter((l) => re.test(l));
}

module.exports = { trim, trimFixed, enclosure, enclosureFixed, parseNth, hwb, validEmail, parseDataUrl, parseDataUrlFixed, stripTags, heading, splitPathRe, stripTrailing, kv, prerelease, prereleaseFixed, grep };
