/**
 * Faults that lost results, files or a device: deep nesting that killed Node, output written over
 * devices and pipes, --fix racing an editor, special files named by configs and front matter,
 * exponential configs, a relaunched linter outliving its parent, names inherited from JavaScript
 * objects. Each test sets up the fault and asserts what must happen instead.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFs, type WorkspaceFs } from '@fzlint/workspace';
import { readSeed, seedPath } from '../helpers.js';
import { BIN, expectNoStack, json, runBin, runMain, tempDir, type EslintFile } from './cli-helpers.js';

const REPORT = '# 某局2024年法治政府建设年度报告\n\n一、主要举措\n\n开展法制宣传。\n';

function mkfifo(path: string): boolean {
  try {
    execFileSync('mkfifo', [path]);
    return true;
  } catch {
    return false;
  }
}

const ruleIds = (f: EslintFile) => f.messages.map((m) => m.ruleId);

/** No such process, or only its zombie (where PID 1 does not reap orphans, as in some containers). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] === 'Z';
  } catch {
    return true;
  }
}

describe('deep nesting', () => {
  it('front matter nested 1,500 deep ({ [ ") is refused with a finding, not a crash; the other files are reported', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), `---\n${'{'.repeat(1500)}\n---\n${REPORT}`);
    writeFileSync(join(dir, 'b.md'), `---\nyear: 2024\nunit: ${'['.repeat(3000)}\n---\n${REPORT}`);
    writeFileSync(join(dir, 'c.md'), REPORT);
    const r = runBin(['-f', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    const files = json<EslintFile[]>(r.stdout);
    expect(files).toHaveLength(3);
    for (const f of files.slice(0, 2)) {
      const fm = f.messages.find((m) => m.ruleId === 'fzlint/front-matter');
      expect(fm?.message).toMatch(/YAML 嵌套超过 64 层/);
    }
    expect(ruleIds(files[2]!)).toContain('term/fazhi');
  });

  it('a config nested 2,000 deep is a config error at its line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.fzlint.yaml'), `rules: ${'{'.repeat(2000)}\n`);
    writeFileSync(join(dir, 'a.md'), REPORT);
    const r = runBin(['a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.fzlint\.yaml:1:\d+ {2}YAML 嵌套超过 64 层/);
    expectNoStack(r.stderr);
  });

  it('an HTML page nested 5,000 elements deep is read; every file of the run has its result', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.html'), `<html><body><h1>某局2024年法治政府建设年度报告</h1>${'<div>'.repeat(5000)}一、工作情况${'</div>'.repeat(5000)}</body></html>`);
    writeFileSync(join(dir, 'b.md'), REPORT);
    const files = json<EslintFile[]>(runBin(['-f', 'json', '.'], { cwd: dir }).stdout);
    expect(files).toHaveLength(2);
    for (const f of files) expect(f.messages.some((m) => (m as { fatal?: boolean }).fatal)).toBe(false);
  });
});

describe('output written to devices, pipes and standard output', () => {
  it('-o to a character device writes to it in place: the device node stays a device', () => {
    const dir = tempDir();
    const node = join(dir, 'null');
    try {
      execFileSync('mknod', ['-m', '666', node, 'c', '1', '3']);
    } catch {
      return; // not allowed to make device nodes here (not root)
    }
    const r = runBin(['-f', 'json', '-o', node, seedPath('004')]);
    expect(r.code).toBe(1);
    expect(lstatSync(node).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['null']);
  });

  it('-o to a named pipe writes into the pipe; -o - and /dev/stdout print to standard output', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'out.fifo');
    if (mkfifo(fifo)) {
      const reader = spawn('cat', [fifo]);
      let got = '';
      reader.stdout.on('data', (d: Buffer) => (got += d));
      const done = new Promise((r) => reader.on('close', r));
      const r = runBin(['-f', 'json', '-o', fifo, seedPath('004')]);
      await done;
      expect(r.code).toBe(1);
      expect(json<EslintFile[]>(got)).toHaveLength(1);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    }
    for (const target of ['-', '/dev/stdout']) {
      const r = runBin(['-f', 'json', '-o', target, seedPath('004')]);
      expect(json<EslintFile[]>(r.stdout)).toHaveLength(1);
    }
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('--fix and the file on disk', () => {
  it('a file edited while it is being fixed is left as the user left it: not written, exit 2', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.md');
    writeFileSync(file, REPORT);
    const edited = `${REPORT}用户刚刚保存的修改。\n`;
    // The user's editor saves the file just before fzlint would put its fixed version in place.
    const racing: WorkspaceFs = {
      ...realFs,
      writeFile: async (p, d, o) => {
        if (p.includes('.fzlint-')) writeFileSync(file, edited);
        return realFs.writeFile(p, d, o);
      },
    };
    const r = await runMain(['--fix', '-f', 'json', 'a.md'], { cwd: dir, fs: racing });
    expect(r.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    const [f] = json<Array<EslintFile & { messages: Array<{ fatal?: boolean; message: string }> }>>(r.stdout);
    expect(f!.messages.find((m) => m.fatal)?.message).toMatch(/检查期间文件被改动/);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('a file with two hard links is fixed in place: both names see the fix', () => {
    const dir = tempDir();
    const a = join(dir, 'a.md');
    const b = join(dir, 'b-link.md');
    writeFileSync(a, REPORT);
    linkSync(a, b);
    const inode = statSync(a).ino;
    expect(runBin(['--fix', 'a.md'], { cwd: dir }).code).toBe(1);
    expect(readFileSync(a, 'utf8')).toContain('开展法治宣传');
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    expect(statSync(a).ino).toBe(inode);
    expect(statSync(a).nlink).toBe(2);
  });

  it.skipIf(process.getuid?.() !== 0)('run by root, --fix keeps the owner and group of the file', () => {
    const dir = tempDir();
    const a = join(dir, 'a.md');
    writeFileSync(a, REPORT);
    execFileSync('chown', ['1234:2345', a]);
    expect(runBin(['--fix', 'a.md'], { cwd: dir }).code).toBe(1);
    expect(readFileSync(a, 'utf8')).toContain('开展法治宣传');
    expect(statSync(a)).toMatchObject({ uid: 1234, gid: 2345 });
  });

  it('temporary files left by a killed run are removed by the next --fix of that file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), REPORT);
    // PID 2^22 + 1 is beyond Linux's pid_max: no such process.
    const stale = '.a.md.fzlint-4194305-0123abcd.tmp';
    writeFileSync(join(dir, stale), 'half a report');
    expect(runBin(['--fix', 'a.md'], { cwd: dir }).code).toBe(1);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('a long run of a repeated word is fixed in one run: fixing again changes nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'a.md');
    writeFileSync(file, `${REPORT}改进工作${'方法'.repeat(3000)}。\n`);
    runBin(['--fix', 'a.md'], { cwd: dir });
    const once = readFileSync(file, 'utf8');
    expect(once).toContain('改进工作方法。');
    const again = runBin(['--fix', '-f', 'json', 'a.md'], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe(once);
    expect(json<EslintFile[]>(again.stdout)[0]!.messages.filter((m) => (m as { fix?: unknown }).fix)).toEqual([]);
  });
});

describe('special files named by configs, flags and front matter', () => {
  it('devices, pipes and huge files are refused with the path named, without reading them', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), REPORT);
    const fifo = join(dir, 'rules.yaml');
    const haveFifo = mkfifo(fifo);
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 70 * 1024 * 1024);
    const cases: Array<[string[], RegExp]> = [
      [['--previous', '/dev/zero', 'a.md'], /上一年度报告「\/dev\/zero」无法读取：不是普通文件（这是一个设备）/],
      [['--previous', huge, 'a.md'], /无法读取：文件过大（70 MB，上限 64 MB）/],
    ];
    if (haveFifo) {
      cases.push([['-c', fifo, 'a.md'], /rules\.yaml.*不是普通文件（这是一个命名管道）/]);
      cases.push([['--previous', fifo, 'a.md'], /不是普通文件（这是一个命名管道）/]);
    }
    for (const [args, message] of cases) {
      const r = runBin(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr + r.stdout).toMatch(message);
      expectNoStack(r.stderr);
    }
    if (haveFifo) {
      // An ignore file and an extended rule file that are pipes: the run neither hangs nor reads them.
      mkfifo(join(dir, '.fzlintignore'));
      expect(runBin(['a.md'], { cwd: dir }).code).toBe(1);
      writeFileSync(join(dir, '.fzlint.yaml'), 'extends: ./rules.yaml\n');
      const r = runBin(['a.md'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('不是普通文件（这是一个命名管道）');
    }
  });

  it('extends and -c only read .yaml/.yml files: the content of any other file never appears in an error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secret'), 'root:$6$hash-that-must-not-be-printed:19000:0:99999:7:::\n');
    writeFileSync(join(dir, '.fzlint.yaml'), 'extends: ./secret\n');
    writeFileSync(join(dir, 'a.md'), REPORT);
    const r = runBin(['a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('被继承的规则文件「./secret」应为 .yaml 或 .yml 文件');
    expect(r.stderr + r.stdout).not.toContain('hash-that-must-not-be-printed');
    const c = runBin(['-c', 'secret', 'a.md'], { cwd: dir });
    expect(c.code).toBe(2);
    expect(c.stderr + c.stdout).not.toContain('hash-that-must-not-be-printed');
  });

  it('a front matter previous outside the report, config and working folders is refused unless the config allows it', () => {
    const outside = tempDir();
    copyFileSync(seedPath('002'), join(outside, '2021.txt'));
    const dir = tempDir();
    writeFileSync(join(dir, 'r.md'), `---\nprevious: ${join(outside, '2021.txt')}\n---\n${readSeed('000')}`);
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    const r = runBin(['-f', 'json', join(dir, 'r.md')], { cwd: sub });
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain('已拒绝读取；如确需使用，请在配置文件中设置 allowExternalPrevious: true');
    writeFileSync(join(dir, '.fzlint.yaml'), 'extends: fzlint:recommended\nallowExternalPrevious: true\n');
    const allowed = runBin(['-f', 'json', join(dir, 'r.md')], { cwd: sub });
    expect(allowed.code).not.toBe(2);
    expect(json<Array<EslintFile & { report: { previous?: string } }>>(allowed.stdout)[0]!.report.previous).toBe(join(outside, '2021.txt'));
  });
});

describe('names inherited from JavaScript objects are not rules, packs or placeholders', () => {
  it('constructor, toString and __proto__ are unknown; {{constructor}} in a message stays as written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), REPORT);
    expect(runBin(['explain', 'constructor'])).toMatchObject({ code: 2, stderr: expect.stringContaining('没有规则「constructor」') });
    expect(runBin(['--rule', 'toString:error', 'a.md'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('未知的规则「toString」') });
    writeFileSync(join(dir, 'proto.yaml'), 'extends: fzlint:__proto__\n');
    const proto = runBin(['-c', 'proto.yaml', 'a.md'], { cwd: dir });
    expect(proto.code).toBe(2);
    expect(proto.stderr).toContain('未知的内置规则包「fzlint:__proto__」');
    expectNoStack(proto.stderr);
    writeFileSync(join(dir, 'ctor.yaml'), 'extends: fzlint:recommended\nrules:\n  constructor: off\n');
    expect(runBin(['-c', 'ctor.yaml', 'a.md'], { cwd: dir }).stderr).toContain('规则「constructor」未定义');
    writeFileSync(join(dir, 'msg.yaml'), 'rules:\n  my/x:\n    kind: pattern\n    words: [法制宣传]\n    message: "{{constructor}}：{{match}}"\n');
    const msg = json<EslintFile[]>(runBin(['-c', 'msg.yaml', '-f', 'json', 'a.md'], { cwd: dir }).stdout);
    expect(msg[0]!.messages[0]!.message).toBe('{{constructor}}：法制宣传');
  });
});

describe('the relaunched linter and its parent', () => {
  it.skipIf(availableParallelism() >= 5)('SIGKILL of the process the user started stops the relaunched linter too (no more files fixed)', async () => {
    const dir = tempDir();
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, `r${i}.txt`), readSeed('003'));
    const child = spawn(process.execPath, [BIN, '--fix', '.'], { cwd: dir, env: { ...process.env, FZLINT_DEBUG: '1', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    await new Promise<void>((started) => child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk), /process \d+/.test(stderr) && started())));
    const linter = Number(/process (\d+)/.exec(stderr)![1]);
    expect(linter).not.toBe(child.pid);
    child.kill('SIGKILL');
    // stderr closes when every process holding it has ended: the linter too.
    await new Promise((done) => child.stderr.on('close', done));
    await new Promise((r) => setTimeout(r, 200));
    expect(gone(linter)).toBe(true);
    expect(stderr).toContain('启动检查的进程已退出，停止检查');
    const fixedNow = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'));
    await new Promise((r) => setTimeout(r, 500));
    const fixedLater = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(fixedLater).toEqual(fixedNow);
  }, 30000);
});

describe('fzlint-language-server on the command line', () => {
  it('--help prints the usage (no stack trace); no transport is a usage error', () => {
    const server = join(BIN, '../../../server/bin/fzlint-language-server.js');
    expect(existsSync(server)).toBe(true);
    const help = execFileSync(process.execPath, [server, '--help'], { encoding: 'utf8' });
    expect(help).toContain('用法：fzlint-language-server --stdio');
    let failure: { status?: number; stderr?: string } = {};
    try {
      execFileSync(process.execPath, [server], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      failure = e as typeof failure;
    }
    expect(failure.status).toBe(2);
    expect(failure.stderr).toContain('没有指定通信方式');
    expectNoStack(String(failure.stderr));
  });
});

// Read-only files: unchanged behaviour, kept here with the other write faults.
describe('read-only files', () => {
  it('are not written (exit 2)', () => {
    const dir = tempDir();
    const a = join(dir, 'a.md');
    writeFileSync(a, REPORT);
    chmodSync(a, 0o444);
    expect(runBin(['--fix', 'a.md'], { cwd: dir }).code).toBe(2);
    expect(readFileSync(a, 'utf8')).toBe(REPORT);
  });
});
