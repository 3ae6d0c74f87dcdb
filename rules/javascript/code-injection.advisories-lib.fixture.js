// Blind set (more): safe-eval style sandboxes, JSON5-like loaders, formula cells, JSONP wrappers.
'use strict';
const vm = require('vm');
const fs = require('fs');

// "safe" evaluator package
function safeEval(code, context) {
  const sandbox = {};
  const resultKey = 'SAFE_EVAL_' + Math.floor(Math.random() * 1000000);
  sandbox[resultKey] = {};
  Object.assign(sandbox, context);
  // expect: code-injection
  vm.runInNewContext(resultKey + '=' + code, sandbox);
  return sandbox[resultKey];
}

// relaxed JSON loader
function loadRelaxedJson(file) {
  const text = fs.readFileSync(file, 'utf8');
  // expect: code-injection, unsafe-deserialization
  return new Function('return ' + text)();
}

function loadRelaxedJsonFixed(file) {
  const text = fs.readFileSync(file, 'utf8');
  // ok: code-injection
  return JSON.parse(text);
}

// spreadsheet formula cell
function computeCell(cell, values) {
  if (cell.startsWith('=')) {
    const expr = cell.slice(1).replace(/[A-Z]\d+/g, (ref) => String(values[ref] || 0));
    // expect: code-injection
    return eval(expr);
  }
  return cell;
}

function computeCellFixed(cell, values) {
  if (cell.startsWith('=')) {
    const expr = cell.slice(1).replace(/[A-Z]\d+/g, (ref) => String(values[ref] || 0));
    if (!/^[\d.+\-*/() ]+$/.test(expr)) throw new Error('unsupported formula');
    // ok: code-injection
    return eval(expr);
  }
  return cell;
}

// template compiler: underscore-style `variable` setting
function template(text, settings) {
  const source = "var __p='';__p+='" + text.replace(/'/g, "\\'") + "';return __p;";
  // expect: code-injection
  return new Function(settings.variable || 'obj', '_', source);
}

// plugin option accepting functions as strings
function reviveFunctions(options) {
  for (const key of Object.keys(options)) {
    if (typeof options[key] === 'string' && options[key].startsWith('function')) {
      // expect: code-injection, unsafe-deserialization
      options[key] = eval('(' + options[key] + ')');
    }
  }
  return options;
}

module.exports = { safeEval, loadRelaxedJson, loadRelaxedJsonFixed, computeCell, computeCellFixed, template, reviveFunctions };
