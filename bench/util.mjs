export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time of fn in ms. */
export function time(fn, { warmup = 10, runs = 50 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

export function row(name, value, unit, target, ok) {
  return { name, value: typeof value === 'number' ? `${value.toFixed(value < 10 ? 2 : 0)} ${unit}`.trim() : value, target, ok };
}

export function printTable(rows) {
  const w = Math.max(...rows.map((r) => r.name.length));
  const v = Math.max(...rows.map((r) => String(r.value).length));
  for (const r of rows) console.log(`${r.ok ? '✓' : '✗'} ${r.name.padEnd(w)}  ${String(r.value).padStart(v)}   target ${r.target}`);
}
