// scratch: per-rule CPU cost over parse on a file (median of runs)
const fs = require('fs'); const path = require('path');
const engine = require('../out/server/engine');
(async () => {
  const file = process.argv[2];
  const text = fs.readFileSync(file, 'utf8');
  const language = engine.languageOfPath(file);
  const facts = engine.fileFacts(path.basename(file), language);
  const family = language === 'python' ? 'python' : 'javascript';
  const ids = [...new Set(engine.detectors.filter((d) => d.family === family).map((d) => d.id))];
  const doc = await engine.ParsedDocument.create(language, text);
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const time = (fn, runs = +(process.argv[3] || 5)) => { const xs = []; for (let i = 0; i < runs; i++) { const s = cpu(); fn(); xs.push(cpu() - s); } xs.sort((a, b) => a - b); return xs[Math.floor(runs / 2)]; };
  const off = Object.fromEntries(engine.metas.map((m) => [m.id, 'off']));
  const none = engine.createAnalyzer({ ...engine.defaultOptions, rules: off });
  const t0 = time(() => none.analyze(doc, facts));
  console.log('no rules', t0.toFixed(1));
  const rows = [];
  for (const id of ids) {
    const rules = { ...off }; delete rules[id];
    const b = engine.createAnalyzer({ ...engine.defaultOptions, rules });
    rows.push([id, time(() => b.analyze(doc, facts)) - t0]);
  }
  rows.sort((a, b) => b[1] - a[1]);
  for (const [id, t] of rows) console.log(id.padEnd(30), t.toFixed(1));
  const all = engine.createAnalyzer(engine.defaultOptions);
  console.log('all', time(() => all.analyze(doc, facts)).toFixed(1), 'sum', rows.reduce((s, r) => s + r[1], 0).toFixed(1));
})();
