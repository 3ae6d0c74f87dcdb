// scratch (js6 helper): median analyze time on fresh documents for rule sets: none, mine, others, all
const fs = require('fs'); const path = require('path');
const engine = require('./out/server/engine');
const mine = ['unsafe-deserialization','insecure-random','weak-password-hash','weak-cipher','insecure-temp-file','permissive-file-permissions','cleartext-transport','tls-verification-disabled','jwt-verification-disabled','insecure-cookie','hardcoded-session-secret','cors-misconfiguration','debug-enabled','error-details-exposed','sensitive-data-logged','csrf-disabled','missing-authorization'];
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
  const ids = engine.metas.map((m) => m.id);
  const off = (keep) => ({ ...engine.defaultOptions, rules: Object.fromEntries(ids.filter((i) => !keep(i)).map((i) => [i, 'off'])) });
  const sets = { none: engine.createAnalyzer(off(() => false)), mine: engine.createAnalyzer(off((i) => mine.includes(i))), others: engine.createAnalyzer(off((i) => !mine.includes(i))), all: engine.createAnalyzer(off(() => true)) };
  const times = { parse: [], none: [], mine: [], others: [], all: [] };
  const runs = Number(process.argv[3] || 15);
  for (let r = 0; r < runs; r++) {
    for (const [name, a] of Object.entries(sets)) {
      const s0 = performance.now();
      const doc = await engine.ParsedDocument.create(language, text);
      const s1 = performance.now();
      a.analyze(doc, facts);
      const s2 = performance.now();
      times.parse.push(s1 - s0);
      times[name].push(s2 - s1);
      doc.dispose();
    }
  }
  const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const p = med(times.parse);
  console.log(`lines ${text.split('\n').length} parse ${p.toFixed(1)}ms`);
  for (const k of ['none', 'mine', 'others', 'all']) console.log(`${k.padEnd(7)} analyze ${med(times[k]).toFixed(1)}ms  (parse+analyze)/parse = ${((p + med(times[k])) / p).toFixed(2)}`);
})();
