// Generates the CLI benchmark corpus from seeds/: reports with varied units, years and figures,
// half as plain text and half as Markdown (headings marked with #), like a reviewer's folder.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const UNITS = ['市司法局', '区政务服务数据管理局', '县人民政府', '市市场监督管理局', '区生态环境局', '镇人民政府', '市交通运输局', '区卫生健康局'];
const PLACES = ['广州', '深圳', '佛山', '东莞', '珠海', '惠州', '江门', '肇庆', '汕头', '韶关'];

/** Turns a plain-text report into Markdown: title as #, 一、 headings as ##, （一） as ###. */
export function toMarkdown(text) {
  const lines = text.split(/\r?\n/);
  let titled = false;
  return lines
    .map((line) => {
      const t = line.trim();
      if (!t) return line;
      if (!titled && t.includes('法治政府建设') && t.includes('报告') && t.length < 60) {
        titled = true;
        return `# ${t}`;
      }
      titled = true;
      if (/^[一二三四五六七八九十]+、/.test(t) && t.length < 60) return `## ${t}`;
      if (/^[（(][一二三四五六七八九十]+[)）]/.test(t) && t.length < 60) return `### ${t}`;
      return line;
    })
    .join('\n');
}

/** Writes `count` reports into `dir` (emptied first); returns their paths. */
export function generateCorpus(root, dir, count = 1000) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const seedsDir = join(root, 'seeds');
  const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedsDir, f), 'utf8'));
  const files = [];
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length];
    const unit = `${PLACES[i % PLACES.length]}${UNITS[Math.floor(i / PLACES.length) % UNITS.length]}`;
    let text = seed
      .replace(/(深圳市龙岗区政务服务和数据管理局|广州市花都区政务服务数据管理局|越秀区政务服务和数据管理局)/g, unit)
      .replace(/(\d+)(次|件|宗|场|人次|个)/g, (_m, n, u) => `${(Number(n) + (i % 7)) % 1000}${u}`);
    const sub = `batch-${String(Math.floor(i / 100)).padStart(2, '0')}`;
    mkdirSync(join(dir, sub), { recursive: true });
    const markdown = i % 2 === 1;
    if (markdown) text = toMarkdown(text);
    const file = join(dir, sub, `${String(i).padStart(4, '0')}-${unit}.${markdown ? 'md' : 'txt'}`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}
