// Which cell is wrong. One typo breaks every identity its cell takes part in — a typo in （七）总计·自然人 breaks its
// column total, its row's sum and the balance — and each of those identities, reported on its own result cell,
// would blame cells that are right (the light bulb would offer to change the correct （七）总计·总计). So the failing
// identities are explained together: the smallest set of cells whose correction makes every identity hold —
// the failing ones, and without breaking one that holds — is the fault. Usually one cell; two independent typos
// are two; when several sets explain the failures equally well, or none of one or two cells does, nobody can
// say which cell is wrong, and the checker says so once instead of guessing (docs/rules.md, "One fault, one Error").

import type { Cell } from './model';
import type { Computation } from './totals';

export interface Correction {
  readonly cell: Cell;
  /** The value that makes every identity the cell takes part in hold. */
  readonly value: number;
  /** The failing identities this correction mends, the cell's own identity first. */
  readonly mends: readonly Computation[];
}

export type Explanation =
  /** Corrections of one or two cells make every identity hold, and no other set of that size does. */
  | { readonly kind: 'cells'; readonly corrections: readonly Correction[] }
  /** No correction of one or two cells explains the failures, or several explain them equally well. */
  | { readonly kind: 'unexplained'; readonly failing: readonly Computation[] };

/** How an identity's residual (result − the signed sum of its operands) moves when `cell` changes by 1. */
function coefficient(c: Computation, cell: Cell): number {
  if (c.result === cell) return 1;
  let k = 0;
  for (let i = 0; i < c.cells.length; i++) if (c.cells[i] === cell) k -= c.signOf(i);
  return k;
}

/** result − Σ operands, for an identity computed over numbers. */
function residual(c: Computation): number {
  return c.actual! - c.expected!;
}

const isCount = (v: number) => Number.isInteger(v) && v >= 0;

/**
 * Every computed identity each of `cells` takes part in, in the order computed. Only the candidates' lists are
 * made: the other cells of a table (most of its ~200) are never asked about.
 */
function identitiesByCell(computed: readonly Computation[], cells: ReadonlySet<Cell>): Map<Cell, Computation[]> {
  const by = new Map<Cell, Computation[]>();
  const add = (cell: Cell, c: Computation) => {
    if (!cells.has(cell)) return;
    const list = by.get(cell);
    if (list) {
      if (!list.includes(c)) list.push(c);
    } else by.set(cell, [c]);
  };
  for (const c of computed) {
    add(c.result, c);
    for (const cell of c.cells) add(cell, c);
  }
  return by;
}

/**
 * The value `cell` must have for every identity it takes part in to hold, or undefined when no one value does
 * (one of them already holds, or two ask for different values).
 */
function singleCorrection(cell: Cell, ids: readonly Computation[]): number | undefined {
  let delta: number | undefined;
  for (const c of ids) {
    const k = coefficient(c, cell);
    if (k === 0) continue;
    const d = -residual(c) / k;
    if (d === 0) return undefined; // it holds now: changing the cell would break it
    if (delta === undefined) delta = d;
    else if (delta !== d) return undefined;
  }
  if (delta === undefined) return undefined;
  const value = cell.value! + delta;
  return isCount(value) ? value : undefined;
}

/** Corrections of two cells together, found by solving their identities' equations; undefined when none works. */
function pairCorrection(a: Cell, b: Cell, idsA: readonly Computation[], idsB: readonly Computation[]): [number, number] | undefined {
  const ids = [...new Set([...idsA, ...idsB])];
  let da: number | undefined;
  let db: number | undefined;
  // Equations with one unknown first, then the shared ones determine what is left.
  for (let pass = 0; pass < 2; pass++) {
    for (const c of ids) {
      const ka = coefficient(c, a);
      const kb = coefficient(c, b);
      const r = residual(c);
      if (ka !== 0 && kb === 0) {
        const d = -r / ka;
        if (da !== undefined && da !== d) return undefined;
        da = d;
      } else if (kb !== 0 && ka === 0) {
        const d = -r / kb;
        if (db !== undefined && db !== d) return undefined;
        db = d;
      } else if (pass === 1 && ka !== 0 && kb !== 0) {
        if (da === undefined && db !== undefined) da = -(r + kb * db) / ka;
        else if (db === undefined && da !== undefined) db = -(r + ka * da) / kb;
      }
    }
  }
  if (da === undefined || db === undefined || da === 0 || db === 0) return undefined;
  for (const c of ids) if (residual(c) + coefficient(c, a) * da + coefficient(c, b) * db !== 0) return undefined;
  const va = a.value! + da;
  const vb = b.value! + db;
  return isCount(va) && isCount(vb) ? [va, vb] : undefined;
}

/** The failing identities `ids` mends, in the order the identities were computed. */
function mended(ids: readonly Computation[], failing: ReadonlySet<Computation>): Computation[] {
  return ids.filter((c) => failing.has(c));
}

/** Most failing identities held as bits of a number (the rest are asked about one by one). */
const MAX_COVER_BITS = 30;

/** Bit k set for every failing identity k of each candidate; undefined when there are too many to hold so. */
function failingCover(failing: readonly Computation[], candidates: readonly Cell[], byCell: ReadonlyMap<Cell, Computation[]>): number[] | undefined {
  if (failing.length > MAX_COVER_BITS) return undefined;
  const bit = new Map<Computation, number>();
  for (let k = 0; k < failing.length; k++) bit.set(failing[k]!, 1 << k);
  const covers: number[] = [];
  for (const cell of candidates) {
    let mask = 0;
    for (const c of byCell.get(cell)!) mask |= bit.get(c) ?? 0;
    covers.push(mask);
  }
  return covers;
}

/** Most cells a pair search looks at: a table whose every total fails is not two typos. */
const MAX_PAIR_CANDIDATES = 80;

/** Explains the failing identities of `all` (those computed over numbers read with certainty). */
export function explainFailures(all: readonly Computation[]): Explanation | undefined {
  const failing = all.filter((c) => c.ok === false);
  if (failing.length === 0) return undefined;
  const computed = all.filter((c) => c.ok !== undefined);
  const failingSet = new Set(failing);
  // Cells in every failing identity could alone explain them all.
  const candidates: Cell[] = [];
  const seen = new Set<Cell>();
  const consider = (cell: Cell) => {
    if (seen.has(cell)) return;
    seen.add(cell);
    candidates.push(cell);
  };
  for (const c of failing) {
    consider(c.result);
    for (const cell of c.cells) consider(cell);
  }
  const byCell = identitiesByCell(computed, seen);
  // Which failing identities each candidate takes part in, as bits (when there are few enough of them, as there
  // nearly always are): whether a cell, or a pair, is in every failing identity is then one comparison — the pair
  // search asks it for every pair of candidates.
  const covers = failingCover(failing, candidates, byCell);
  const everyFailing = (1 << failing.length) - 1;
  const singles: Correction[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const cell = candidates[i]!;
    const ids = byCell.get(cell)!;
    if (covers ? covers[i] !== everyFailing : !failing.every((f) => ids.includes(f))) continue;
    const value = singleCorrection(cell, ids);
    if (value !== undefined) singles.push({ cell, value, mends: mended(ids, failingSet) });
  }
  if (singles.length === 1) return { kind: 'cells', corrections: singles };
  if (singles.length > 1 || candidates.length > MAX_PAIR_CANDIDATES) return { kind: 'unexplained', failing };
  let pair: [Correction, Correction] | undefined;
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const a = candidates[i]!;
      const b = candidates[j]!;
      const idsA = byCell.get(a)!;
      const idsB = byCell.get(b)!;
      if (covers ? (covers[i]! | covers[j]!) !== everyFailing : !failing.every((f) => idsA.includes(f) || idsB.includes(f))) continue;
      const values = pairCorrection(a, b, idsA, idsB);
      if (!values) continue;
      // A second pair that works as well: which cells are wrong cannot be told.
      if (pair) return { kind: 'unexplained', failing };
      pair = [
        { cell: a, value: values[0], mends: mended(idsA, failingSet) },
        { cell: b, value: values[1], mends: mended(idsB, failingSet) },
      ];
    }
  }
  return pair ? { kind: 'cells', corrections: pair } : { kind: 'unexplained', failing };
}
