// scratch (js6 helper): per-rule analyze time on fresh documents
const fs = require('fs'); const path = require('path');
const engine = require('./out/server/engine');
const mine = ['unsafe-deserialization','insecure-random','weak-password-hash','weak-cipher','insecure-temp-file','permissive-file-permissions','cleartext-transport','tls-verification-disabled','jwt-verification-disabled','insecure-cookie','hardcoded-session-secret','cors-misconfiguration','debug-enabled','error-details-exposed','sensitive-data-logged','csrf-disabled','missing-authorization'];
(async () => {
  const file = process.argv[2] || undefined;
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
  const list = process.argv[3] ? process.argv[3].split(',') : mine;
  const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const runs = 9;
  const base = engine.createAnalyzer({ ...engine.defaultOptions, rules: Object.fromEntries(ids.map((i) => [i, 'off'])) });
  for (const id of ['(none)', ...list]) {
    const a = id === '(none)' ? base : engine.createAnalyzer({ ...engine.defaultOptions, rules: Object.fromEntries(ids.filter((i) => i !== id).map((i) => [i, 'off'])) });
    const xs = [];
    for (let r = 0; r < runs; r++) {
      const doc = await engine.ParsedDocument.create(language, text);
      const s = performance.now(); a.analyze(doc, facts); xs.push(performance.now() - s);
      doc.dispose();
    }
    console.log(id.padEnd(30), med(xs).toFixed(2));
  }
})();
