// The lazy run can also swallow "*/" and the next "/*", so a row of comments splits between the repetitions in many ways.
function stripTrailingComments(css) {
  // expect: regex-injection
  return css.replace(/(\s*\/\*[\s\S]*?\*\/\s*)+$/, '');
}

function stripLastComment(css) {
  // ok: regex-injection
  return css.replace(/\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//, '');
}

function skipToFunction(source) {
  // expect: regex-injection
  return /^(?:\s|\/\*[\s\S]*?\*\/)*function/.test(source);
}

function startsWithFunction(source) {
  // ok: regex-injection
  return /^\s*function/.test(source);
}
