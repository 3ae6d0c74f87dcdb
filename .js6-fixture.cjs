// scratch (js6 helper): run one or more rule fixtures, print problems and fix diffs
const fs = require('fs'); const path = require('path');
const engine = require('./out/server/engine');
const { readAnnotations } = require('./out/test/fixtures/annotations');
function applyEdits(text, edits) {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offset = (p) => lineStarts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text; let lastStart = Infinity;
  for (const edit of sorted) { const start = offset(edit.range.start); const end = offset(edit.range.end); if (end > lastStart) continue; out = out.slice(0, start) + edit.newText + out.slice(end); lastStart = start; }
  return out;
}
(async () => {
  for (const id of process.argv.slice(2)) {
    const dir = 'rules/javascript';
    const name = fs.readdirSync(dir).find((f) => f.startsWith(id + '.fixture.'));
    if (!name) { console.log('no fixture', id); continue; }
    const rel = `${dir}/${name}`;
    const text = fs.readFileSync(rel, 'utf8');
    const lang = engine.languageOfPath(rel);
    const doc = await engine.ParsedDocument.create(lang, text);
    const res = engine.createAnalyzer(engine.defaultOptions).analyze(doc, engine.fileFacts(rel, lang));
    for (const f of res.failures) console.log('FAILURE', f.ruleId, f.error && f.error.stack);
    const findings = res.findings.filter((f) => !f.suppression);
    const ann = readAnnotations(text);
    const has = (line, rid) => findings.some((f) => f.range.start.line === line && f.ruleId === rid);
    let problems = 0;
    for (const a of ann) {
      if (a.kind === 'expect' && !has(a.line, a.ruleId)) { problems++; console.log(`${rel}:${a.line + 1}: MISSED ${a.ruleId}`); }
      if (a.kind === 'ok' && has(a.line, a.ruleId)) { problems++; console.log(`${rel}:${a.line + 1}: FP ${a.ruleId}`); }
    }
    for (const f of findings) {
      if (!ann.some((a) => a.line === f.range.start.line && a.ruleId === f.ruleId && a.kind === 'expect')) { problems++; console.log(`${rel}:${f.range.start.line + 1}: UNANNOTATED ${f.ruleId}: ${f.message}`); }
    }
    const exp = ann.filter((a) => a.kind === 'expect' && a.ruleId === id).length, ok = ann.filter((a) => a.kind === 'ok' && a.ruleId === id).length;
    console.log(`${id}: expects ${exp}, oks ${ok}, findings ${findings.filter(f=>f.ruleId===id).length}, problems ${problems}`);
    if (process.env.SHOW) for (const f of findings.filter(f=>f.ruleId===id)) console.log(`  ${f.range.start.line+1}: [${f.confidence}] ${f.message}${f.fix ? ' FIX: ' + f.fix.title : ''}`);
    const fixed = rel.replace('.fixture.', '.fixed.');
    const edits = findings.filter((f) => f.ruleId === id && f.fix).flatMap((f) => f.fix.edits);
    if (fs.existsSync(fixed)) {
      const out = applyEdits(text, edits);
      if (out !== fs.readFileSync(fixed, 'utf8')) { console.log('FIXED MISMATCH'); fs.writeFileSync('/tmp/js6-' + id + '.fixed', out); require('child_process').spawnSync('diff', [fixed, '/tmp/js6-' + id + '.fixed'], { stdio: 'inherit' }); }
      else console.log('fixed ok');
    } else if (edits.length) { fs.writeFileSync('/tmp/js6-' + id + '.fixed', applyEdits(text, edits)); console.log('(fixes exist; no .fixed file; wrote /tmp/js6-' + id + '.fixed)'); }
    doc.dispose();
  }
})();
