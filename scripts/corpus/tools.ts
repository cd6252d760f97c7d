// The converters people use, found on the machine or installed from Debian's packages, and run. Each converter
// turns a batch of source files (.docx or .html) into text files; a converter whose tool is missing and cannot
// be installed is skipped with a message, and the corpus keeps its previous outputs.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export type ToolId = 'libreoffice' | 'pdftotext' | 'pandoc' | 'chromium' | 'cjk-font';

interface ToolSpec {
  readonly id: ToolId;
  /** How to tell it is there. */
  readonly present: () => boolean;
  /** Debian packages to try, in order; each entry is installed in one apt-get call. */
  readonly packages: readonly (readonly string[])[];
  readonly version: () => string;
}

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function firstLine(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  return `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').map((l) => l.trim()).find((l) => /\d/.test(l) && !/unexpected operator/.test(l)) ?? 'unknown';
}

function dpkgVersion(pkg: string): string {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

export const CHROMIUM = '/usr/bin/chromium';

export const TOOLS: readonly ToolSpec[] = [
  {
    id: 'libreoffice', present: () => which('soffice') !== undefined,
    packages: [['libreoffice-writer-nogui'], ['libreoffice-writer', 'libreoffice-core']],
    version: () => firstLine('soffice', ['--version']),
  },
  { id: 'pdftotext', present: () => which('pdftotext') !== undefined, packages: [['poppler-utils']], version: () => firstLine('pdftotext', ['-v']) },
  { id: 'pandoc', present: () => which('pandoc') !== undefined, packages: [['pandoc']], version: () => firstLine('pandoc', ['--version']) },
  { id: 'chromium', present: () => existsSync(CHROMIUM), packages: [['chromium']], version: () => firstLine(CHROMIUM, ['--version']) },
  {
    id: 'cjk-font',
    present: () => spawnSync('sh', ['-c', 'fc-list | grep -qi "wenquanyi\\|wqy"']).status === 0,
    packages: [['fonts-wqy-microhei']],
    version: () => `fonts-wqy-microhei ${dpkgVersion('fonts-wqy-microhei')}`,
  },
];

/**
 * Makes sure the tools are there: installs the missing ones with apt-get (once `apt-get update`), printing
 * what it installs. Returns the tools that are available, with their versions.
 */
export function ensureTools(install: boolean, log: (s: string) => void): Map<ToolId, string> {
  const missing = TOOLS.filter((t) => !t.present());
  if (missing.length > 0) {
    log(`missing: ${missing.map((t) => t.id).join(', ')}`);
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    const aptGet = which('apt-get');
    if (!install) log('not installing (--no-install)');
    else if (!aptGet) log('apt-get not found: cannot install them');
    else {
      const sudo = root ? [] : which('sudo') ? ['sudo', '-n'] : undefined;
      if (!sudo) log('not root and no sudo: cannot install them');
      else {
        const apt = (args: string[]) => {
          const cmd = [...sudo, 'apt-get', ...args];
          log(`$ ${cmd.join(' ')}`);
          const r = spawnSync(cmd[0]!, cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
          const out = `${r.stdout}${r.stderr}`;
          for (const line of out.split('\n')) if (/^(Setting up|E:)/.test(line)) log(`  ${line}`);
          return r.status === 0;
        };
        apt(['update']);
        for (const t of missing) {
          const ok = t.packages.some((pkgs) => apt(['install', '-y', '--no-install-recommends', ...pkgs]));
          if (!ok || !t.present()) log(`could not install ${t.id} (${t.packages.map((p) => p.join(' + ')).join(' or ')}): skipping it`);
        }
      }
    }
  }
  const available = new Map<ToolId, string>();
  for (const t of TOOLS) if (t.present()) available.set(t.id, t.version());
  return available;
}

function run(cmd: string, args: string[], timeout = 600_000): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}`);
}

/** A fresh LibreOffice profile per batch: no state from a user's profile, no first-start dialogs. */
function soffice(args: string[]): void {
  const profile = mkdtempSync(join(tmpdir(), 'corpus-lo-'));
  try {
    run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nolockcheck', ...args]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** docx → txt, LibreOffice's "Text (encoded)" filter, UTF-8. Outputs <name>.txt in outDir. */
export function libreofficeTxt(files: string[], outDir: string): void {
  soffice(['--convert-to', 'txt:Text (encoded):UTF8', '--outdir', outDir, ...files]);
}

/** docx → pdf. The PDF's creation date and document ID are then fixed (same length), so reruns give the same bytes. */
export function libreofficePdf(files: string[], outDir: string): void {
  soffice(['--convert-to', 'pdf', '--outdir', outDir, ...files]);
  for (const f of files) {
    const pdf = join(outDir, basename(f).replace(/\.docx$/, '.pdf'));
    writeFileSync(pdf, stablePdf(readFileSync(pdf)));
  }
}

/** Replaces the PDF's dates, /ID and LibreOffice's /DocChecksum with constants of the same length (offsets in the xref table stay valid). */
export function stablePdf(bytes: Buffer): Buffer {
  let s = bytes.toString('latin1');
  s = s.replace(/\/(CreationDate|ModDate)\s*\(D:([^)]*)\)/g, (_m, key: string, date: string) => `/${key}(D:${'20250101000000'.padEnd(date.length, 'Z').slice(0, date.length)})`);
  s = s.replace(/\/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]/g, (m, a: string, b: string) => m.replace(a, '0'.repeat(a.length)).replace(b, '0'.repeat(b.length)));
  s = s.replace(/\/DocChecksum\s*\/([0-9A-Fa-f]+)/g, (m, sum: string) => m.replace(sum, '0'.repeat(sum.length)));
  return Buffer.from(s, 'latin1');
}

export function pdftotext(pdf: string, out: string, layout: boolean): void {
  run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, out]);
}

export function pandoc(from: 'docx' | 'html', to: string, input: string, out: string): void {
  run('pandoc', ['-f', from, '-t', to, '-o', out, input]);
}

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/**
 * What a person gets by selecting the page and copying it: document.body.innerText, from /usr/bin/chromium
 * driven by playwright-core (never a downloaded browser), with a fresh profile.
 */
export async function chromiumInnerText(files: string[], outDir: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'corpus-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS.filter((f) => f !== '--headless'), timeout: 120_000,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    for (const f of files) {
      await page.goto(`file://${f}`, { waitUntil: 'load' });
      const text = await page.evaluate<string>('document.body.innerText');
      writeFileSync(join(outDir, basename(f).replace(/\.html$/, '.txt')), text);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export function playwrightVersion(): string {
  try {
    return `playwright-core ${JSON.parse(readFileSync(require.resolve('playwright-core/package.json'), 'utf8')).version}`;
  } catch {
    return 'playwright-core unknown';
  }
}
