import iconv from 'iconv-lite';
import { readSeed } from '../helpers.js';

/**
 * What the workspace layer decides for a report, as cases both hosts — the command line and the
 * language server — must answer the same way (the way markdownlint-cli2 runs one table against
 * several hosts): which config applies, whether a file is a report, which file is last year's
 * report, how a file in another encoding is read.
 */
export interface HostCase {
  name: string;
  /** Files of the workspace, relative paths; a Buffer is written as it is (another encoding). */
  files: Record<string, string | Buffer>;
  /** The report to check. */
  report: string;
  /** Last year's report named by the user: --previous on the command line, fzlint.previous in the editor (relative to the workspace). */
  previous?: string;
  expect: {
    /** Whether the file is checked as a report (false: excluded by the config's ignores/files). */
    checked: boolean;
    /** Last year's report used (relative path), or null for none. */
    previous?: string | null;
    /** A front matter path that is refused (the message contains this). */
    refused?: string;
    /** Rules that must be among the findings (from the config in effect). */
    rules?: string[];
    /** Rules that must not be among the findings (turned off by the config in effect). */
    notRules?: string[];
  };
}

/** Seeds 002 (2021) and 000 (2022) are the same unit in consecutive years. */
const Y2021 = readSeed('002');
const Y2022 = readSeed('000');
const frontMatter = (previous: string, body: string) => `---\nyear: 2022\nprevious: ${previous}\n---\n\n${body}`;

export const HOST_CASES: HostCase[] = [
  {
    name: 'last year found automatically in the same folder (same unit, year − 1)',
    files: { 'r/2021.txt': Y2021, 'r/2022.txt': Y2022 },
    report: 'r/2022.txt',
    expect: { checked: true, previous: 'r/2021.txt', rules: ['cross-year/problems-addressed'] },
  },
  {
    name: 'last year stored as GB18030 is decoded and used',
    files: { 'r/2021.txt': iconv.encode(Y2021, 'gb18030'), 'r/2022.txt': Y2022 },
    report: 'r/2022.txt',
    expect: { checked: true, previous: 'r/2021.txt', rules: ['cross-year/problems-addressed'] },
  },
  {
    name: 'last year stored as UTF-16 with a byte-order mark is decoded and used',
    files: { 'r/2021.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(Y2021, 'utf16le')]), 'r/2022.txt': Y2022 },
    report: 'r/2022.txt',
    expect: { checked: true, previous: 'r/2021.txt', rules: ['cross-year/problems-addressed'] },
  },
  {
    name: 'front matter previous, relative to the report',
    files: { 'r/2022.md': frontMatter('../archive/old.txt', Y2022), 'archive/old.txt': Y2021, 'r/2021.txt': Y2021 },
    report: 'r/2022.md',
    expect: { checked: true, previous: 'archive/old.txt' },
  },
  {
    name: 'the config mapping names last year’s report',
    files: { '.fzlint.yaml': 'extends: fzlint:recommended\nprevious:\n  r/2022.txt: archive/2021.txt\n', 'r/2022.txt': Y2022, 'archive/2021.txt': Y2021 },
    report: 'r/2022.txt',
    expect: { checked: true, previous: 'archive/2021.txt' },
  },
  {
    name: 'the user’s own choice (--previous, fzlint.previous) comes before the front matter',
    files: { 'r/2022.md': frontMatter('./fm.txt', Y2022), 'r/fm.txt': Y2021, 'archive/chosen.txt': Y2021 },
    report: 'r/2022.md',
    previous: 'archive/chosen.txt',
    expect: { checked: true, previous: 'archive/chosen.txt' },
  },
  {
    name: 'a front matter path outside the workspace is refused',
    files: { 'r/2022.md': frontMatter('/etc/hostname', Y2022) },
    report: 'r/2022.md',
    expect: { checked: true, refused: '已拒绝读取' },
  },
  {
    name: 'no config: the built-in recommended rules, found upward from the report',
    files: { 'a/b/2022.txt': Y2022 },
    report: 'a/b/2022.txt',
    expect: { checked: true, rules: ['nat2019/signature', 'data/study-sessions'] },
  },
  {
    name: 'the nearest .fzlint.yaml upward applies (a rule turned off two folders up)',
    files: { '.fzlint.yaml': 'extends: fzlint:recommended\nrules:\n  nat2019/signature: off\n', 'a/b/2022.txt': Y2022 },
    report: 'a/b/2022.txt',
    expect: { checked: true, notRules: ['nat2019/signature'], rules: ['data/study-sessions'] },
  },
  {
    name: 'a nearer .fzlint.yaml wins over one further up',
    files: {
      '.fzlint.yaml': 'extends: fzlint:recommended\nrules:\n  nat2019/signature: off\n',
      'a/.fzlint.yaml': 'extends: fzlint:recommended\nrules:\n  data/study-sessions: off\n',
      'a/b/2022.txt': Y2022,
    },
    report: 'a/b/2022.txt',
    expect: { checked: true, rules: ['nat2019/signature'], notRules: ['data/study-sessions'] },
  },
  {
    name: 'the config’s ignores exclude a report',
    files: { '.fzlint.yaml': "extends: fzlint:recommended\nignores: ['old/**']\n", 'old/2022.txt': Y2022 },
    report: 'old/2022.txt',
    expect: { checked: false },
  },
];
