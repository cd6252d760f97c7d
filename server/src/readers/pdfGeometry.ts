// The geometry shared by the PDF reader's two engines (pdf.js, and the direct reader of well-formed files): text
// items as pdf.js gives them, in PDF user space, turned into layout-space runs; paths turned into rule boxes.

import type { Box, PdfRule, PdfTextRun } from './pdfLayout';

export type Matrix = [number, number, number, number, number, number];

/** A text item as pdf.js's getTextContent gives it (user space: transform at its first glyph, advance, font size). */
export interface TextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
}

/** A page's view as pdf.js's getViewport({ scale: 1 }) gives it. */
export interface Viewport {
  readonly width: number;
  readonly height: number;
  readonly transform: readonly number[];
}

export function multiply(m: Matrix, n: Matrix): Matrix {
  // m then n (row vectors, as PDF writes them).
  return [
    m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

export function invert(m: Matrix): Matrix {
  const det = m[0] * m[3] - m[1] * m[2] || 1;
  return [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det, (m[2] * m[5] - m[3] * m[4]) / det, (m[1] * m[4] - m[0] * m[5]) / det];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export function asMatrix(a: readonly number[] | undefined): Matrix | undefined {
  if (!a || a.length < 6) return undefined;
  const m: Matrix = [a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!];
  return m.every(Number.isFinite) ? m : undefined;
}

/** User space → layout space: the viewport's transform (rotation, media box origin; y down), then y flipped up. */
export function layoutTransform(viewport: Viewport): Matrix {
  const t = asMatrix(viewport.transform) ?? [1, 0, 0, -1, 0, viewport.height];
  return multiply(t, [1, 0, 0, -1, 0, viewport.height]);
}

export function mapBox(m: Matrix, box: Box): Box {
  const [ax, ay] = apply(m, box[0], box[1]);
  const [bx, by] = apply(m, box[2], box[3]);
  const [cx, cy] = apply(m, box[0], box[3]);
  const [dx, dy] = apply(m, box[2], box[1]);
  const r = (v: number): number => Math.round(v * 100) / 100;
  return [r(Math.min(ax, bx, cx, dx)), r(Math.min(ay, by, cy, dy)), r(Math.max(ax, bx, cx, dx)), r(Math.max(ay, by, cy, dy))];
}

/** pdf.js text items → runs in layout space. Upright runs keep their baseline; others (rotated) their box. */
export function textRuns(items: readonly unknown[], toLayout: Matrix): PdfTextRun[] {
  const runs: PdfTextRun[] = [];
  for (const raw of items) {
    const item = raw as Partial<TextItem>;
    if (typeof item.str !== 'string' || item.str.trim() === '') continue;
    const tm = asMatrix(item.transform);
    if (!tm) continue;
    const width = Number.isFinite(item.width) ? Math.abs(item.width!) : 0;
    const size = Number.isFinite(item.height) && item.height! > 0 ? item.height! : Math.hypot(tm[2], tm[3]);
    const [x, y] = apply(toLayout, tm[4], tm[5]);
    // The run's direction in layout space.
    const dirLen = Math.hypot(tm[0], tm[1]) || 1;
    const dx = (toLayout[0] * tm[0] + toLayout[2] * tm[1]) / dirLen;
    const dy = (toLayout[1] * tm[0] + toLayout[3] * tm[1]) / dirLen;
    if (dx > 0.99 && Math.abs(dy) < 0.05) {
      runs.push({ str: item.str, x, y, width, size });
      continue;
    }
    // Not upright: the box of the run (origin, along its direction by width, up by its size).
    const ux = tm[0] / dirLen, uy = tm[1] / dirLen;
    const upLen = Math.hypot(tm[2], tm[3]) || 1;
    const vx = (tm[2] / upLen) * size, vy = (tm[3] / upLen) * size;
    const corners = [
      [tm[4], tm[5]], [tm[4] + ux * width, tm[5] + uy * width],
      [tm[4] + vx, tm[5] + vy], [tm[4] + ux * width + vx, tm[5] + uy * width + vy],
    ].map(([px, py]) => apply(toLayout, px!, py!));
    const xs = corners.map((c) => c[0]), ys = corners.map((c) => c[1]);
    runs.push({ str: item.str, x, y, width, size, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] });
  }
  return runs;
}

/** More path segments than this on one page is a drawing (a chart, a map), not table rules: stop collecting. */
export const MAX_SEGMENTS = 5000;

/** A path's axis-aligned segments (stroked) or thin rectangles (filled) as rule boxes. */
export function addPathRules(path: ArrayLike<number>, m: Matrix, strokeWidth: number | undefined, rules: PdfRule[]): void {
  let sub: [number, number][] = [];
  const flush = (closed: boolean): void => {
    if (sub.length < 2) {
      sub = [];
      return;
    }
    if (strokeWidth !== undefined) {
      const n = closed ? sub.length : sub.length - 1;
      for (let k = 0; k < n; k++) {
        const [ax, ay] = sub[k]!, [bx, by] = sub[(k + 1) % sub.length]!;
        const h = strokeWidth / 2;
        if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= 0.5) rules.push([Math.min(ax, bx), (ay + by) / 2 - h, Math.max(ax, bx), (ay + by) / 2 + h]);
        else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= 0.5) rules.push([(ax + bx) / 2 - h, Math.min(ay, by), (ax + bx) / 2 + h, Math.max(ay, by)]);
      }
    } else {
      // A filled rectangle that is thin in one direction is a rule; wider fills are shading, not lines.
      const xs = sub.map((p) => p[0]), ys = sub.map((p) => p[1]);
      const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
      const axisAligned = sub.every(([x, y]) => (Math.abs(x - x0) < 0.5 || Math.abs(x - x1) < 0.5) && (Math.abs(y - y0) < 0.5 || Math.abs(y - y1) < 0.5));
      if (axisAligned && sub.length <= 5 && (x1 - x0 <= 2.5 || y1 - y0 <= 2.5)) rules.push([x0, y0, x1, y1]);
    }
    sub = [];
  };
  let i = 0;
  while (i < path.length) {
    const op = path[i]!;
    if (op === 0) {
      flush(false);
      sub.push(apply(m, path[i + 1]!, path[i + 2]!));
      i += 3;
    } else if (op === 1) {
      sub.push(apply(m, path[i + 1]!, path[i + 2]!));
      i += 3;
    } else if (op === 2) {
      // A curve is not a rule: it ends the straight run.
      flush(false);
      sub.push(apply(m, path[i + 5]!, path[i + 6]!));
      i += 7;
    } else if (op === 3) {
      const start = sub[0];
      flush(true);
      if (start) sub.push(start);
      i += 1;
    } else break; // an operator this pdf.js version does not write: the rest of the path is not understood
  }
  flush(false);
}
