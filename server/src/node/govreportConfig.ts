// .govreport.json, at the root of a folder of reports: the user's mapping of unit names to canonical units and
// kinds, and the publication dates of files (schemas/govreport.schema.json, which VS Code validates the file
// against). Read here, the only code that touches the file system; what it means is the engine's (identity.ts).
//
//   { "units": { "平潭县人民政府": "平潭综合实验区管委会" },
//     "kinds": { "某某开发区管委会": "department" },
//     "published": { "2023/平潭2023年报.txt": "2024-03-08" } }

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ConfigProblem, Messages } from '../l10n';
import { UNIT_KINDS, type UnitKind, type UnitMapping } from '../report';

export const CONFIG_FILE = '.govreport.json';

/** The properties of the file (the schema's, which a test holds to these). */
export const CONFIG_PROPERTIES = ['$schema', 'units', 'kinds', 'published'] as const;

export interface GovReportConfig {
  readonly mapping: UnitMapping;
  /** Publication dates (YYYY-MM-DD) by absolute file path (`published` keys are relative to the file's folder). */
  readonly published: ReadonlyMap<string, string>;
}

export interface LoadedConfig {
  /** The config, or what of it could be used; undefined when the folder has none. */
  readonly config: GovReportConfig | undefined;
  /** What could not be used, in the user's language, each naming the file. */
  readonly problems: readonly string[];
}

/** `folder`/.govreport.json, read and checked; a folder without one gives no config and no problem. */
export function loadGovReportConfig(folder: string, msg: Messages): LoadedConfig {
  const file = join(folder, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { config: undefined, problems: [] };
    return { config: undefined, problems: [msg.configInvalid(file, e instanceof Error ? e.message : String(e))] };
  }
  const r = parseGovReportConfig(text, folder);
  return { config: r.config, problems: r.problems.map((p) => msg.configInvalid(file, msg.configProblem(p.problem, p.path, p.detail))) };
}

export interface ConfigIssue {
  readonly problem: ConfigProblem;
  readonly path: string;
  readonly detail?: string;
}

/**
 * The config a text gives, with what was wrong in it: entries that are not what the schema says are left out and
 * named, the rest is used. `folder` is where relative `published` paths start.
 */
export function parseGovReportConfig(text: string, folder: string): { config: GovReportConfig | undefined; problems: ConfigIssue[] } {
  const problems: ConfigIssue[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { config: undefined, problems: [{ problem: 'json', path: '', detail: e instanceof Error ? e.message : String(e) }] };
  }
  if (!isObject(json)) return { config: undefined, problems: [{ problem: 'not-object', path: '' }] };
  for (const key of Object.keys(json)) if (!(CONFIG_PROPERTIES as readonly string[]).includes(key)) problems.push({ problem: 'unknown-property', path: key });
  const units: Record<string, string> = {};
  for (const [name, unit] of entries(json, 'units', problems)) {
    if (typeof unit === 'string' && unit.trim() !== '') units[name] = unit.trim();
    else problems.push({ problem: 'not-string', path: `units.${name}` });
  }
  const kinds: Record<string, UnitKind> = {};
  for (const [name, kind] of entries(json, 'kinds', problems)) {
    if (typeof kind === 'string' && (UNIT_KINDS as readonly string[]).includes(kind)) kinds[name] = kind as UnitKind;
    else problems.push({ problem: 'not-kind', path: `kinds.${name}` });
  }
  const published = new Map<string, string>();
  for (const [path, date] of entries(json, 'published', problems)) {
    if (typeof date === 'string' && isDate(date)) published.set(resolve(folder, path), date);
    else problems.push({ problem: 'not-date', path: `published.${path}` });
  }
  return { config: { mapping: { units, kinds }, published }, problems };
}

/** Several folders' configs as one (the CLI's arguments): later ones win on the same name or file. */
export function mergeConfigs(configs: readonly GovReportConfig[]): GovReportConfig {
  const units: Record<string, string> = {};
  const kinds: Record<string, UnitKind> = {};
  const published = new Map<string, string>();
  for (const c of configs) {
    Object.assign(units, c.mapping.units);
    Object.assign(kinds, c.mapping.kinds);
    for (const [k, v] of c.published) published.set(k, v);
  }
  return { mapping: { units, kinds }, published };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function entries(json: Record<string, unknown>, key: string, problems: ConfigIssue[]): [string, unknown][] {
  const v = json[key];
  if (v === undefined) return [];
  if (!isObject(v)) {
    problems.push({ problem: 'not-object', path: key });
    return [];
  }
  return Object.entries(v);
}

/** YYYY-MM-DD (a time may follow), a real day. */
function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
