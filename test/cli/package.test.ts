import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, seedPath } from '../helpers.js';
import { reportDocx, ucs2Pdf } from '../inputs/report-files.js';
import { tempDir } from './cli-helpers.js';

/**
 * The published command: `npm pack` in packages/cli gives one tarball that installs with no
 * network (no dependencies: the bundle carries them) and runs from a folder that knows nothing
 * of this repository. `npm test` has just built the bundle, so the pack skips its prepack build.
 */
const REPORT = '某县司法局2024年法治政府建设年度报告\n一、推进法治政府建设的主要举措和成效\n全年开展法制宣传12次。\n';

let prefix: string;
let fzlint: string;
let files: string[];
let manifest: Record<string, unknown>;

function run(args: string[], cwd: string) {
  return spawnSync(fzlint, args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: cwd } });
}

beforeAll(() => {
  const out = tempDir();
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { cwd: join(ROOT, 'packages/cli'), encoding: 'utf8' })) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = packed[0]!.files.map((f) => f.path);
  const tarball = join(out, packed[0]!.filename);
  prefix = join(out, 'prefix');
  execFileSync('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { cwd: out, encoding: 'utf8', env: { ...process.env, npm_config_cache: join(out, 'empty-cache') } });
  fzlint = join(prefix, 'bin', 'fzlint');
  manifest = JSON.parse(readFileSync(join(prefix, 'lib/node_modules/fzlint/package.json'), 'utf8'));
}, 120_000);

describe('the fzlint package (npm pack, installed offline)', () => {
  it('holds the bundle, the rule docs and its README; nothing to fetch', () => {
    expect(files).toContain('bin/fzlint.js');
    expect(files).toContain('bundle/fzlint.js');
    expect(files).toContain('docs/rules.html');
    expect(files).toContain('web/fzlint.html');
    expect(files).toContain('README.md');
    expect(files.some((f) => f.startsWith('dist/'))).toBe(false);
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(readdirSync(join(prefix, 'lib/node_modules/fzlint'))).not.toContain('node_modules');
  });

  it('checks the seeds from a folder outside the repository', () => {
    const dir = tempDir();
    for (const n of ['001', '004']) copyFileSync(seedPath(n), join(dir, `${n}.txt`));
    expect(run(['--version'], dir).stdout.trim()).toBe(manifest.version);
    const r = run(['.'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('gd2024/part-speeches');
    expect(r.stdout).toMatch(/2 份报告，共 \d+ 个问题/);
  });

  it('reads a .docx, fixes a GB18030 text in its own encoding, and links rules to the installed docs', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'report.docx'), reportDocx(REPORT));
    writeFileSync(join(dir, 'gb.txt'), iconv.encode(REPORT, 'gb18030'));
    const docx = run(['-f', 'json', 'report.docx'], dir);
    expect(docx.stderr).toBe('');
    expect(JSON.parse(docx.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('term/fazhi');

    expect(run(['--fix', 'gb.txt'], dir).status).not.toBe(2);
    expect(readFileSync(join(dir, 'gb.txt')).equals(iconv.encode(REPORT.replace('法制宣传', '法治宣传'), 'gb18030'))).toBe(true);

    const explain = run(['explain', 'gd2024/signature'], dir).stdout;
    const url = /说明文档：(\S+)/.exec(explain)![1]!;
    expect(url.startsWith(`file://${prefix}/lib/node_modules/fzlint/docs/rules.html#`)).toBe(true);
    expect(readFileSync(fileURLToPath(url), 'utf8')).toContain('id="gd2024/signature"');
  });

  it('reads a PDF whose Chinese font needs the CMaps shipped in the package', () => {
    const dir = tempDir();
    // The body line is the widest, as on a real page: shorter lines end their paragraphs.
    const lines = ['某县司法局2024年法治政府建设年度报告', '一、推进法治政府建设的主要举措和成效', '全年开展法制宣传12次，组织旁听庭审活动3次，举办行政执法培训班2期。'];
    writeFileSync(join(dir, 'old.pdf'), ucs2Pdf(lines));
    const r = run(['-f', 'json', 'old.pdf'], dir);
    expect(r.stderr).toBe('');
    const [result] = JSON.parse(r.stdout);
    expect(result.report.title).toBe('某县司法局2024年法治政府建设年度报告');
    expect(result.messages.map((m: { ruleId: string }) => m.ruleId)).toContain('term/fazhi');
    expect(files.filter((f) => f.startsWith('bundle/pdfjs/cmaps/'))).toContain('bundle/pdfjs/cmaps/UniGB-UCS2-H.bcmap');
  });

  it('init writes a config that names the installed rule docs', () => {
    const dir = join(tempDir(), 'new');
    mkdirSync(dir);
    expect(run(['init', '--year', '2024', '--unit', '某县司法局'], dir).status).toBe(0);
    const config = readFileSync(join(dir, '.fzlint.yaml'), 'utf8');
    const docs = /全部规则的说明：(\S+)/.exec(config)![1]!;
    expect(existsSync(fileURLToPath(docs))).toBe(true);
  });

  it('serve hands out the installed web page on 127.0.0.1', async () => {
    const child = spawn(fzlint, ['serve', '--port', '0'], { cwd: tempDir(), env: { PATH: process.env.PATH } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (found) resolve(found[0]);
        });
        child.on('exit', (code) => reject(new Error(`fzlint serve exited with ${code}: ${out}`)));
      });
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await res.text();
      expect(html).toContain('<title>fzlint 网页版');
      expect(html).toBe(readFileSync(join(prefix, 'lib/node_modules/fzlint/web/fzlint.html'), 'utf8'));
    } finally {
      child.kill('SIGTERM');
    }
  });
});

