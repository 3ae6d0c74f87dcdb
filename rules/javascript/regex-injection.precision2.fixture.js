// A pattern that is quadratic on long input is harmless when the input's length is bounded first: that bound is the
// remedy the finding asks for. Exponential patterns stay findings (2^n is slow on short strings too).

function parseInterval(text) {
  if (text.length > 80) return undefined;
  // ok: regex-injection
  const parts = /^(-?\d*\.?\d+) *(hours?|hrs?|h|minutes?|mins?|m)?$/i.exec(text);
  return parts ? Number(parts[1]) * (/^h/.test(parts[2] || 'm') ? 60 : 1) : undefined;
}

function tidyLabel(label) {
  if (label.length <= 200) {
    // ok: regex-injection
    return label.replace(/\s+$/, '');
  }
  return label.trim();
}

function parseIntervalUnbounded(text) {
  // expect: regex-injection
  const parts = /^(-?\d*\.?\d+) *(hours?|hrs?|h|minutes?|mins?|m)?$/i.exec(text);
  return parts ? Number(parts[1]) : undefined;
}

function tidyHugeLabel(label) {
  if (label.length > 5000000) throw new Error('label too long');
  // expect: regex-injection
  return label.replace(/\s+$/, '');
}

function isCsvOfWords(line) {
  if (line.length > 64) return false;
  // expect: regex-injection
  return /^(\w+,?)+$/.test(line);
}

module.exports = { parseInterval, tidyLabel, parseIntervalUnbounded, tidyHugeLabel, isCsvOfWords };
