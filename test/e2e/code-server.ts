/**
 * Runs code-server (VS Code in the browser, installed by scripts/ci/setup-code-server.sh) for the
 * end-to-end test: a fresh profile per run, loopback only, no auth, stopped by its pid.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const CODE_SERVER_VERSION = process.env.FZLINT_CODE_SERVER_VERSION ?? '4.100.3';

/** Where the setup script put code-server (same defaults as the script). */
export function codeServerEntry(): string {
  const cache = process.env.FZLINT_CACHE ?? join(homedir(), '.cache/fzlint');
  const entry = join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules/code-server/out/node/entry.js');
  if (!existsSync(entry)) throw new Error(`code-server 未安装（${entry}）：先运行 bash scripts/ci/setup-code-server.sh`);
  return entry;
}

export interface Profile {
  userDataDir: string;
  extensionsDir: string;
  /** code-server's own config (else it writes ~/.config/code-server/config.yaml). */
  configFile: string;
  /** Environment that keeps code-server's logs and heartbeat in the profile, not in ~/.local/share. */
  env: NodeJS.ProcessEnv;
}

/** A fresh profile: user settings (trust prompt off, quiet start) plus `settings`. */
export function createProfile(dir: string, settings: Record<string, unknown>): Profile {
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const base = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'chat.commandCenter.enabled': false,
    'workbench.layoutControl.enabled': false,
    'editor.minimap.enabled': false,
    'window.commandCenter': false,
  };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...base, ...settings }, null, 2));
  return { userDataDir, extensionsDir, configFile: join(dir, 'code-server.yaml'), env: { ...process.env, XDG_DATA_HOME: join(dir, 'data') } };
}

function baseArgs(profile: Profile): string[] {
  return ['--config', profile.configFile, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, '--disable-telemetry', '--disable-update-check'];
}

/** `code-server --install-extension x.vsix` into the profile; returns its output. */
export async function installExtension(profile: Profile, vsix: string): Promise<string> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [codeServerEntry(), ...baseArgs(profile), '--install-extension', vsix], {
    timeout: 180_000,
    env: profile.env,
  });
  return `${stdout}${stderr}`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  pid: number;
  log: () => string;
  stop: () => Promise<void>;
}

/** Starts code-server on 127.0.0.1 (a free port) with `folder` open; resolves when it answers /healthz. */
export async function startCodeServer(profile: Profile, folder: string, readyTimeoutMs = 120_000): Promise<RunningServer> {
  const port = await freePort();
  const args = [codeServerEntry(), ...baseArgs(profile), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-workspace-trust', '--disable-getting-started-override', folder];
  // Own process group, so stopping it by its pid also ends the VS Code server and extension host it spawned.
  const child: ChildProcess = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: profile.env });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const pid = child.pid!;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let alive = true;
  void exited.then(() => (alive = false));

  const stop = async () => {
    if (!alive) return;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (!alive) throw new Error(`code-server 已退出：\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server 在 ${readyTimeoutMs / 1000} 秒内没有就绪：\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, pid, log: () => output, stop };
}

/** Pids of the processes whose command line contains `fragment` (Linux /proc). */
export function processesWith(fragment: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(fragment)) pids.push(Number(entry));
    } catch {
      /* the process ended meanwhile */
    }
  }
  return pids;
}
