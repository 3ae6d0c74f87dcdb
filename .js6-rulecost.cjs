// scratch (js6 helper): per-rule cost on the bench's synthetic file or a given file
const fs = require('fs'); const path = require('path');
const engine = require('./out/server/engine');
const { execSync } = require('child_process');
(async () => {
  const file = process.argv[2];
  let text;
  if (file) text = fs.readFileSync(file, 'utf8');
  else {
    const src = fs.readFileSync('scripts/bench/rule-overhead.bench.mjs', 'utf8');
    const m = src.match(/function chunk\(n\) \{\n  return `([\s\S]*?)`;\n\}/);
    const h = src.match(/function syntheticFile\(lines\) \{[\s\S]*?`([\s\S]*?)`;/);
    let t = h[1]; let n = 0;
    while (t.split('\n').length < 5000) t += m[1].replace(/\$\{n\}/g, String(n++));
    text = t;
  }
  const language = file ? engine.languageOfPath(file) : 'javascript';
  const facts = engine.fileFacts(file ? path.basename(file) : 'src/app.js', language);
  const family = language === 'python' ? 'python' : 'javascript';
  const ids = [...new Set(engine.detectors.filter((d) => d.family === family).map((d) => d.id))];
  const only = process.argv[3] ? process.argv[3].split(',') : ids;
  const doc = await engine.ParsedDocument.create(language, text);
  const time = (fn, runs = 7) => { const xs = []; for (let i = 0; i < runs; i++) { const s = performance.now(); fn(); xs.push(performance.now() - s); } xs.sort((a, b) => a - b); return xs[Math.floor(runs / 2)]; };
  const tp = time(() => { const d = engine.ParsedDocument.create; }, 1);
  const parseMs = [];
  for (let i = 0; i < 5; i++) { const s = performance.now(); const d = await engine.ParsedDocument.create(language, text); parseMs.push(performance.now() - s); d.dispose(); }
  parseMs.sort((a,b)=>a-b);
  console.log('lines', text.split('\n').length, 'parse', parseMs[2].toFixed(1));
  const base = { ...engine.defaultOptions, rules: Object.fromEntries(engine.metas.map((m) => [m.id, 'off'])) };
  const none = engine.createAnalyzer(base);
  const t0 = time(() => none.analyze(doc, facts));
  console.log('no rules', t0.toFixed(1));
  for (const id of only) {
    const a = engine.createAnalyzer({ ...base, rules: { ...base.rules, [id]: undefined } });
    delete a.options.rules[id];
    const opts = { ...engine.defaultOptions, rules: Object.fromEntries(engine.metas.filter((m) => m.id !== id).map((m) => [m.id, 'off'])) };
    const b = engine.createAnalyzer(opts);
    const t = time(() => b.analyze(doc, facts));
    console.log(id.padEnd(30), (t - t0).toFixed(1));
  }
  const all = engine.createAnalyzer(engine.defaultOptions);
  console.log('all', time(() => all.analyze(doc, facts)).toFixed(1));
})();
