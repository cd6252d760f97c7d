// Who and when a report is: the unit (单位) that publishes it, the unit's kind, and the year it covers — from the
// title, failing that the file name, and the 统计期限 (docs/format.md §2.1). Units are compared by a key that makes
// the usual variants of one name equal (全称 and 简称: 管理委员会 / 管委会, 人民政府 / 政府, 街道办事处 / 街道, a
// government named by its region alone) and keeps different units apart (淮安市人民政府办公室 is not 淮安市人民政府);
// a region prefix (江苏省宿迁市… / 宿迁市…) is matched over the whole set of reports (groupUnits), where an
// ambiguous short name can be told from an unambiguous one. A user's mapping (.govreport.json) comes first.
// Pure: no I/O.

import type { ReportModel } from './model';
import { normalizeLabelOnce } from './normalize';

/**
 * What a unit is, for the deadlines of 《条例》第四十九条 (docs/format.md §1.1): a people's government at county level
 * or above (本级人民政府: its report is due by 31 March), one of its departments (by 31 January), a township or
 * street office (乡镇、街道: the article names no date), or something else (a public institution, a company).
 */
export type UnitKind = 'government' | 'department' | 'township' | 'other';

export const UNIT_KINDS: readonly UnitKind[] = ['government', 'department', 'township', 'other'];

/** A user's mapping, from `.govreport.json` (schemas/govreport.schema.json). */
export interface UnitMapping {
  /** Names as reports write them → the canonical unit. Looked up by unitKey, so the variants of a name all map. */
  readonly units?: Readonly<Record<string, string>>;
  /** A unit's kind where its name misleads (a 管委会 that is a department), by the unit's name (canonical or not). */
  readonly kinds?: Readonly<Record<string, UnitKind>>;
}

/** Where the unit or the year was read. */
export type IdentitySource = 'title' | 'period' | 'file' | 'body';

export interface ReportIdentity {
  /** The unit as the report names it (title, else file name); undefined when neither names one. */
  readonly name: string | undefined;
  /** The unit after the user's mapping: `name` when the mapping does not name it. */
  readonly unit: string | undefined;
  /** unitKey(unit): reports with equal keys are the same unit (groupUnits also matches region prefixes). */
  readonly key: string | undefined;
  readonly kind: UnitKind;
  /** The year the report covers. */
  readonly year: number | undefined;
  readonly unitFrom: 'title' | 'file' | undefined;
  readonly yearFrom: IdentitySource | undefined;
}

/**
 * Who and when the report is. The unit: the title's, else the file name's; the year: the title's, else the
 * 统计期限's, else the file name's, else the year the text speaks of most ("2024年，我局…"). `fileName` is the
 * file's name or path (only its last segment is read).
 */
export function identify(model: ReportModel, fileName: string, mapping?: UnitMapping): ReportIdentity {
  const titleUnit = model.unit !== undefined ? cleanUnitName(model.unit) : undefined;
  const titleYear = model.years.find((y) => y.source === 'title')?.year;
  const periodYear = model.years.find((y) => y.source === 'period')?.year;
  // The file name is read only when the text does not say (most reports have a title).
  const fromFile = titleUnit && (titleYear ?? periodYear) !== undefined ? {} : fromFileName(fileName);
  const name = titleUnit || fromFile.unit;
  const unitFrom = titleUnit ? 'title' : fromFile.unit ? 'file' : undefined;
  let year: number | undefined;
  let yearFrom: IdentitySource | undefined;
  if (titleYear !== undefined) [year, yearFrom] = [titleYear, 'title'];
  else if (periodYear !== undefined) [year, yearFrom] = [periodYear, 'period'];
  else if (fromFile.year !== undefined) [year, yearFrom] = [fromFile.year, 'file'];
  else if (model.year !== undefined) [year, yearFrom] = [model.year, 'body'];
  const unit = name === undefined ? undefined : mapUnit(name, mapping);
  return {
    name,
    unit,
    key: unit === undefined ? undefined : unitKey(unit),
    kind: name === undefined || unit === undefined ? 'other' : kindOf(unit, mapping, name),
    year,
    unitFrom,
    yearFrom,
  };
}

// ---------------------------------------------------------------------------------------------
// Names

/** A unit's name as written, without what surrounds it in titles: 关于, quotes, book-title marks, a trailing 的. */
export function cleanUnitName(raw: string): string {
  let s = raw.replace(/[\s\u3000]+/g, '').replace(/[《》“”"'‘’「」]/g, '');
  s = s.replace(/^关于/, '').replace(/(?:的|关于)$/, '');
  // (A Markdown title keeps its "#": "# 龙亭区人民政府办公室…".)
  s = s.replace(/^[-_—–·.,，、:：;；|#*]+|[-_—–·.,，、:：;；|#*]+$/g, '');
  return s;
}

const GOVERNMENT_END = /(?:政府|管委会|行政公署)$/;
const TOWNSHIP = /(?:镇|乡|苏木|街道)$/;
/** A region's name alone: the report of its government (宿迁市2023年…, 平潭综合实验区2024年度…). */
const REGION_END = /(?:省|自治区|特别行政区|市|自治州|州|地区|盟|县|自治县|区|旗|自治旗)$/;
const DEPARTMENT_END = /(?:局|委员会|委|办公室|办公厅|办|厅|中心|部|署|处|所|站|队)$/;

/**
 * The key a unit's name is compared by: full and half width, spaces and quotes ignored; 管理委员会 is 管委会, 人民政府
 * is 政府, 街道办事处 and 街道办 are 街道; a government is its region (宿迁市人民政府, 宿迁市政府 and 宿迁市 are
 * "宿迁市"; 平潭综合实验区管委会 and …管理委员会 are "平潭综合实验区"); a township's government is the township.
 * 淮安市人民政府办公室 stays "淮安市政府办公室": a government's office is a department of its own.
 */
export function unitKey(name: string): string {
  const s = unitKeyBody(name);
  const region = s.replace(GOVERNMENT_END, '');
  return region !== s && region.length >= 2 ? region : s;
}

/** The kind a unit's name says it is (docs/format.md §1.1); the user's mapping overrides it. */
export function unitKind(name: string): UnitKind {
  const s = unitKeyBody(name);
  if (TOWNSHIP.test(s.replace(GOVERNMENT_END, ''))) return 'township';
  if (GOVERNMENT_END.test(s) || REGION_END.test(s)) return 'government';
  if (DEPARTMENT_END.test(s)) return 'department';
  return 'other';
}

/** The name with the variants of its words made one, the government suffix kept (what the kind is read from). */
function unitKeyBody(name: string): string {
  let s = normalizeLabelOnce(cleanUnitName(name)).replace(/["[\]()]/g, '');
  s = s.replace(/管理委员会/g, '管委会').replace(/人民政府/g, '政府').replace(/政府办$/, '政府办公室');
  return s.replace(/街道办事处$/, '街道').replace(/街道办$/, '街道');
}

function mapUnit(name: string, mapping: UnitMapping | undefined): string {
  if (!mapping?.units) return name;
  return compiled(mapping).units.get(unitKey(name)) ?? name;
}

function kindOf(unit: string, mapping: UnitMapping | undefined, name: string): UnitKind {
  if (mapping?.kinds) {
    const kinds = compiled(mapping).kinds;
    const k = kinds.get(unitKey(unit)) ?? kinds.get(unitKey(name));
    if (k) return k;
  }
  return unitKind(unit);
}

interface CompiledMapping {
  readonly units: ReadonlyMap<string, string>;
  readonly kinds: ReadonlyMap<string, UnitKind>;
}

/** A mapping's lookups by key, made once per mapping object (the CLI sends one with each chunk of files). */
const COMPILED = new WeakMap<UnitMapping, CompiledMapping>();

function compiled(mapping: UnitMapping): CompiledMapping {
  let c = COMPILED.get(mapping);
  if (!c) {
    const units = new Map<string, string>();
    for (const [from, to] of Object.entries(mapping.units ?? {})) units.set(unitKey(from), to);
    const kinds = new Map<string, UnitKind>();
    for (const [unit, kind] of Object.entries(mapping.kinds ?? {})) if (UNIT_KINDS.includes(kind)) kinds.set(unitKey(unit), kind);
    c = { units, kinds };
    COMPILED.set(mapping, c);
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// File names

/**
 * The unit and year a file name gives: "宿迁市2023年政府信息公开工作年度报告.txt", "2023年度宿迁市政府信息公开…",
 * "宿迁市_2023.pdf", "D010a_suqian_2023_tables.tsv.txt" (a year, no unit). Only the last path segment is read.
 */
export function fromFileName(fileName: string): { unit?: string; year?: number } {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/(?:\.[A-Za-z0-9]{1,5})+$/, '');
  const m = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(base);
  if (!m) return {};
  const year = Number(m[1]);
  const before = unitIn(base.slice(0, m.index));
  if (before) return { unit: before, year };
  // "2023年度宿迁市政府信息公开工作年度报告": the unit after the year.
  const after = base.slice(m.index + 4).replace(/^\s*年度?/, '');
  const cut = after.search(/政府信息公开|政务公开|信息公开|年度报告|年报/);
  const unit = unitIn(cut >= 0 ? after.slice(0, cut) : '');
  return unit ? { unit, year } : { year };
}

/** A unit's name in a piece of a file name: its Chinese words, at least two characters. */
function unitIn(piece: string): string | undefined {
  const s = cleanUnitName(piece.replace(/^[\dA-Za-z_\-.\s]+/, ''));
  return /^[\u4e00-\u9fff][\u4e00-\u9fff（）()]+$/.test(s) && !/^(?:年度报告|年报|政府信息公开)/.test(s) ? s : undefined;
}

// ---------------------------------------------------------------------------------------------
// Units across reports

/** The last character of a level of the administrative divisions (省, 自治区, 市, 自治州, 地区, 盟, 县, 区, 旗…). */
const REGION_SUFFIX = new Set(['省', '市', '州', '盟', '县', '区', '旗']);

/**
 * For each length i, whether key.slice(0, i) is one region's name or several (宿迁市, 江苏省宿迁市): what may stand
 * before a unit's key and still name the same unit. Each region is 2–16 Chinese characters ending in a region's
 * suffix. One pass, linear in the key (a regex of repeated segments backtracks exponentially on a long name).
 */
function regionPrefixes(key: string): boolean[] {
  const ok = [true];
  let chinese = 0; // Chinese characters in a row, ending at j
  for (let j = 1; j <= key.length; j++) {
    const c = key.charCodeAt(j - 1);
    chinese = c >= 0x4e00 && c <= 0x9fff ? chinese + 1 : 0;
    let v = false;
    if (REGION_SUFFIX.has(key[j - 1]!)) for (let i = Math.max(j - 16, j - chinese); i <= j - 2 && !v; i++) v = ok[i]!;
    ok.push(v);
  }
  return ok;
}

/**
 * Which keys name the same unit, over a whole set of reports: a key that is another with a region prefix
 * (江苏省宿迁市 → 宿迁市; 新乡市凤泉区X局 → 凤泉区X局) is the same unit, when the shorter key is not ambiguous — when
 * every key it is a suffix of is a region-prefixed form of one unit (宿迁市X局 and 江苏省宿迁市X局: one unit; 宿迁市X局
 * and 淮安市X局: the bare X局 cannot be told, and stays on its own). Returns each key's group key (the shortest
 * form); keys of different kinds never join.
 */
export function groupUnits(units: Iterable<{ readonly key: string; readonly kind: UnitKind }>): Map<string, string> {
  const kinds = new Map<string, UnitKind>();
  for (const u of units) if (!kinds.has(u.key)) kinds.set(u.key, u.kind);
  // longer → the shorter keys it is a region-prefixed form of
  const shorter = new Map<string, string[]>();
  const longer = new Map<string, string[]>();
  for (const [key, kind] of kinds) {
    const prefixes = regionPrefixes(key);
    for (let i = 2; i < key.length - 1; i++) {
      if (!prefixes[i]) continue;
      const tail = key.slice(i);
      if (kinds.get(tail) !== kind) continue;
      (shorter.get(key) ?? shorter.set(key, []).get(key)!).push(tail);
      (longer.get(tail) ?? longer.set(tail, []).get(tail)!).push(key);
    }
  }
  const group = new Map<string, string>();
  for (const key of kinds.keys()) group.set(key, key);
  // Shortest keys first: a key joins the group of the shortest unambiguous key it extends.
  const byLength = [...kinds.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  for (const key of byLength) {
    const tails = shorter.get(key);
    if (!tails) continue;
    for (const tail of tails.sort((a, b) => a.length - b.length)) {
      if (isChain(longer.get(tail)!)) {
        group.set(key, group.get(tail)!);
        break;
      }
    }
  }
  return group;
}

/** Keys that are all forms of one unit: each is a suffix of the next longer one. */
function isChain(keys: readonly string[]): boolean {
  const sorted = [...keys].sort((a, b) => a.length - b.length);
  for (let i = 1; i < sorted.length; i++) if (!sorted[i]!.endsWith(sorted[i - 1]!)) return false;
  return true;
}
