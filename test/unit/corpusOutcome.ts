// The accuracy corpus (test/corpus/, made by `npm run corpus`): its manifest, and what the engine makes of each
// converted file. Shared by test/unit/corpus.test.ts and by the corpus script's summary, so the README's
// converter × outcome table and the tests judge files by the same rule:
//   clean   → no Error-severity diagnostic at all;
//   planted → an Error (row-sum or column-total) whose range covers the planted number, or 表三 declared
//             partly read / unreadable (table-partly-read, table-unparseable) — never silence, never blame elsewhere.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { check, parse } from '../../server/src/report';
import { decode } from '../../server/src/node/decode';

export interface Position { readonly line: number; readonly character: number }

export interface PlantedFault {
  readonly table: 'applications';
  readonly row: 'total';
  readonly column: string;
  readonly label: string;
  readonly right: number;
  readonly wrong: number;
  /** Where the wrong number is in this output file (LSP position, UTF-16), found by diffing it with the clean output. */
  readonly at: (Position & { readonly length: number; readonly offset: number }) | null;
  /**
   * The converter's output has no trace of the fault: it is identical to the clean output (pandoc's plain
   * writer puts "[TABLE]" for a table with merged cells). Only "表三 declared unreadable" can pass then.
   */
  readonly absent?: boolean;
}

export interface CorpusEntry {
  /** Path under test/corpus/. */
  readonly file: string;
  /** The document: "seed000" or "seed000-v1". */
  readonly document: string;
  /** The seed report's file under test/fixtures/reports/seeds/. */
  readonly seed: string;
  /** 1… for a variant with varied numbers, null for the seed itself. */
  readonly variant: number | null;
  readonly converter: string;
  /** The source document the converter was given: "docx" or "html". */
  readonly from: 'docx' | 'html';
  /** Committed copy of that source document under test/corpus/, when one is kept (clean documents only). */
  readonly sourceFile: string | null;
  readonly command: string;
  readonly tool: string;
  readonly fault: 'clean' | 'planted';
  readonly planted: PlantedFault | null;
  /** Lines [from, to) of part 三 (its heading to part 四's heading) in this file; null when not found. */
  readonly table3Lines: readonly [number, number] | null;
}

export interface ConverterInfo {
  readonly id: string;
  readonly from: 'docx' | 'html';
  readonly ext: string;
  readonly command: string;
  readonly tool: string;
  readonly description: string;
}

export interface CorpusManifest {
  readonly description: string;
  readonly tools: Readonly<Record<string, string>>;
  readonly converters: readonly ConverterInfo[];
  readonly documents: readonly { readonly name: string; readonly seed: string; readonly variant: number | null; readonly planted: Omit<PlantedFault, 'at'> }[];
  readonly files: readonly CorpusEntry[];
}

export const CORPUS_DIR = 'test/corpus';

export function loadManifest(root: string): CorpusManifest {
  return JSON.parse(readFileSync(join(root, CORPUS_DIR, 'manifest.json'), 'utf8')) as CorpusManifest;
}

/** The file's text as the CLI reads it (BOM, UTF-16 and GB18030 handled by the same decoder). */
export function corpusText(root: string, entry: CorpusEntry): string {
  const decoded = decode(readFileSync(join(root, CORPUS_DIR, entry.file)));
  if (!decoded.ok) throw new Error(`${entry.file}: not text`);
  return decoded.text;
}

export type OutcomeKind =
  | 'clean-ok'          // clean, no Error
  | 'clean-errors'      // clean, some Error: a false Error
  | 'found'             // planted, an Error on the planted cell
  | 'declared'          // planted, 表三 declared partly read / unreadable
  | 'missed';           // planted, neither

export interface Outcome {
  readonly kind: OutcomeKind;
  readonly ok: boolean;
  /** One line for people: what went wrong (or right). */
  readonly detail: string;
  readonly errors: readonly Diagnostic[];
  /** For a planted fault found on its cell: the Errors that are not on it (issue 12 §2 wants none: blame once). */
  readonly errorsElsewhere: number;
}

const IDENTITY_CODES = new Set(['row-sum', 'column-total']);
const DECLARED_CODES = new Set(['table-partly-read', 'table-unparseable']);

function covers(d: Diagnostic, at: Position & { length: number }): boolean {
  const { start, end } = d.range;
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(start, at) && before({ line: at.line, character: at.character + at.length }, end);
}

/** "3 Errors: row-sum, table-row-missing ×2 (first L45 row-sum: …)": what the engine said, short. */
function summary(ds: readonly Diagnostic[]): string {
  if (ds.length === 0) return 'no Error';
  const counts = new Map<string, number>();
  for (const d of ds) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  const codes = [...counts].map(([c, n]) => (n > 1 ? `${c} ×${n}` : c)).join(', ');
  const first = ds[0]!;
  const text = typeof first.message === 'string' ? first.message : first.message.value;
  const message = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `${ds.length} Error${ds.length > 1 ? 's' : ''}: ${codes} (first L${first.range.start.line + 1} ${first.code}: ${message})`;
}

export function evaluate(entry: CorpusEntry, text: string): Outcome {
  const diags = check(parse(text));
  const errors = diags.filter((d) => d.severity === 1);
  if (entry.fault === 'clean') {
    if (errors.length === 0) return { kind: 'clean-ok', ok: true, detail: 'no Error', errors, errorsElsewhere: 0 };
    return { kind: 'clean-errors', ok: false, detail: `clean, yet ${summary(errors)}`, errors, errorsElsewhere: 0 };
  }
  const p = entry.planted!;
  if (p.at) {
    const hit = errors.find((d) => IDENTITY_CODES.has(String(d.code)) && covers(d, p.at!));
    if (hit) {
      const others = errors.filter((d) => !covers(d, p.at!));
      return { kind: 'found', ok: true, detail: `${hit.code} on the planted cell${others.length ? `; elsewhere ${summary(others)}` : ''}`, errors, errorsElsewhere: others.length };
    }
  }
  const inTable3 = (d: Diagnostic) => !entry.table3Lines || (d.range.start.line >= entry.table3Lines[0] && d.range.start.line < entry.table3Lines[1]);
  const declared = diags.find((d) => DECLARED_CODES.has(String(d.code)) && inTable3(d));
  if (declared) return { kind: 'declared', ok: true, detail: `表三 declared ${declared.code}`, errors, errorsElsewhere: 0 };
  const cell = `${p.column} ${p.right}→${p.wrong}${p.at ? ` (L${p.at.line + 1}:${p.at.character + 1})` : ''}`;
  const detail = p.absent
    ? `the converter dropped the table (output = clean output) and 表三 is not declared unreadable; ${summary(errors)}`
    : `planted （七）总计 ${cell} not found on its cell; ${summary(errors)}`;
  return { kind: 'missed', ok: false, detail, errors, errorsElsewhere: 0 };
}
