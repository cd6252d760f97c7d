// Word's automatic numbering, written out: a heading numbered by Word ("一、" from a list level whose text is
// "%1、" in chineseCounting) has no "一、" in its runs, and without it the engine cannot see part 一. The numbering
// part (abstract lists, their levels, the list instances) and the styles part (a heading style that carries its
// own numbering) are read; paragraphs are numbered in document order, as Word counts them.

import type { WordBlock, WordParagraph } from './wordml';
import type { XmlElement, XmlSink } from './xml';
import { W_NAMESPACES } from './wordml';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

interface ListInstance {
  abstractId: number;
  /** Levels overridden by the instance (w:lvlOverride/w:lvl) and where they restart (w:startOverride). */
  readonly overrides: Map<number, Partial<Level>>;
}

interface StyleNumbering {
  numId?: number;
  ilvl?: number;
  basedOn?: string;
}

/** Reads numbering.xml: an XmlSink. */
export class NumberingReader implements XmlSink {
  readonly abstracts = new Map<number, Map<number, Level>>();
  readonly instances = new Map<number, ListInstance>();
  private abstract: Map<number, Level> | undefined;
  private instance: ListInstance | undefined;
  private level: Partial<Level> | undefined;
  private levelIndex = 0;
  private levelTarget: 'abstract' | 'override' | undefined;

  open(el: XmlElement): void {
    if (!W_NAMESPACES.has(el.uri)) return;
    const val = (): string | undefined => el.attr(el.uri, 'val');
    switch (el.local) {
      case 'abstractNum': {
        this.abstract = new Map();
        this.abstracts.set(int(el.attr(el.uri, 'abstractNumId'), -1), this.abstract);
        return;
      }
      case 'num':
        this.instance = { abstractId: -1, overrides: new Map() };
        this.instances.set(int(el.attr(el.uri, 'numId'), -1), this.instance);
        return;
      case 'abstractNumId':
        if (this.instance) this.instance.abstractId = int(val(), -1);
        return;
      case 'lvlOverride':
        this.levelIndex = int(el.attr(el.uri, 'ilvl'), 0);
        this.level = {};
        this.levelTarget = 'override';
        return;
      case 'startOverride':
        if (this.level) this.level.start = int(val(), 1);
        return;
      case 'lvl':
        if (this.levelTarget !== 'override') {
          this.levelIndex = int(el.attr(el.uri, 'ilvl'), 0);
          this.level = {};
          this.levelTarget = 'abstract';
        }
        return;
      case 'start':
        if (this.level) this.level.start = int(val(), 1);
        return;
      case 'numFmt':
        if (this.level) this.level.format = val() ?? 'decimal';
        return;
      case 'lvlText':
        if (this.level) this.level.text = val() ?? '';
        return;
      case 'suff':
        if (this.level) this.level.suffix = val() ?? 'tab';
        return;
      default:
    }
  }

  close(el: XmlElement): void {
    if (!W_NAMESPACES.has(el.uri)) return;
    if (el.local === 'lvl' && this.levelTarget === 'abstract' && this.abstract && this.level) {
      this.abstract.set(this.levelIndex, { start: 1, format: 'decimal', text: '', suffix: 'tab', ...this.level });
      this.level = undefined;
      this.levelTarget = undefined;
    } else if (el.local === 'lvlOverride' && this.instance && this.level) {
      this.instance.overrides.set(this.levelIndex, this.level);
      this.level = undefined;
      this.levelTarget = undefined;
    } else if (el.local === 'abstractNum') this.abstract = undefined;
    else if (el.local === 'num') this.instance = undefined;
  }

  text(): void {}
}

/** Reads styles.xml for the numbering paragraph styles carry. */
export class StyleNumberingReader implements XmlSink {
  readonly styles = new Map<string, StyleNumbering>();
  private style: StyleNumbering | undefined;
  private inPPr = false;

  open(el: XmlElement): void {
    if (!W_NAMESPACES.has(el.uri)) return;
    const val = el.attr(el.uri, 'val');
    switch (el.local) {
      case 'style':
        this.style = {};
        this.styles.set(el.attr(el.uri, 'styleId') ?? '', this.style);
        return;
      case 'basedOn':
        if (this.style) this.style.basedOn = val;
        return;
      case 'pPr':
        this.inPPr = true;
        return;
      case 'numId':
        if (this.style && this.inPPr) this.style.numId = int(val, 0);
        return;
      case 'ilvl':
        if (this.style && this.inPPr) this.style.ilvl = int(val, 0);
        return;
      default:
    }
  }

  close(el: XmlElement): void {
    if (!W_NAMESPACES.has(el.uri)) return;
    if (el.local === 'pPr') this.inPPr = false;
    else if (el.local === 'style') this.style = undefined;
  }

  text(): void {}
}

/**
 * Writes the numbers Word would show in front of the numbered paragraphs, in document order (tables' cells and
 * text boxes included). Bullets are left out: a bullet glyph says nothing the engine reads.
 */
export function applyNumbering(blocks: readonly WordBlock[], numbering: NumberingReader, styles: StyleNumberingReader | undefined): void {
  const counters = new Map<number, number[]>();
  const visit = (list: readonly WordBlock[]): void => {
    for (const b of list) {
      if (b.kind === 'p') number(b);
      else for (const row of b.rows) for (const cell of row.cells) visit(cell.blocks);
    }
  };
  const number = (p: WordParagraph): void => {
    const ref = numberingOf(p, styles);
    if (!ref || ref.numId === 0) return;
    const instance = numbering.instances.get(ref.numId);
    const abstract = instance && numbering.abstracts.get(instance.abstractId);
    if (!instance || !abstract) return;
    const levelOf = (k: number): Level | undefined => {
      const base = abstract.get(k);
      const override = instance.overrides.get(k);
      return base || override ? { start: 1, format: 'decimal', text: '', suffix: 'tab', ...base, ...override } : undefined;
    };
    const ilvl = Math.min(8, Math.max(0, ref.ilvl));
    const level = levelOf(ilvl);
    if (!level) return;
    let count = counters.get(ref.numId);
    if (!count) counters.set(ref.numId, (count = []));
    count[ilvl] = (count[ilvl] ?? level.start - 1) + 1;
    count.length = ilvl + 1; // deeper levels restart
    if (level.format === 'bullet' || level.format === 'none') return;
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const lv = levelOf(k);
      return formatNumber(count![k] ?? lv?.start ?? 1, lv?.format ?? 'decimal');
    });
    if (label === '') return;
    // Chinese list texts end in their own punctuation ("一、", "（一）"): no space after them.
    const space = level.suffix === 'nothing' || /[、，．。：:）)】.]$/.test(label) ? '' : ' ';
    p.lines[0] = `${label}${space}${p.lines[0] ?? ''}`;
  };
  visit(blocks);
}

function numberingOf(p: WordParagraph, styles: StyleNumberingReader | undefined): { numId: number; ilvl: number } | undefined {
  if (p.numId !== undefined) return { numId: p.numId, ilvl: p.ilvl ?? 0 };
  let id = p.style;
  for (let guard = 0; id !== undefined && guard < 20; guard++) {
    const s = styles?.styles.get(id);
    if (!s) return undefined;
    if (s.numId !== undefined) return { numId: s.numId, ilvl: p.ilvl ?? s.ilvl ?? 0 };
    id = s.basedOn;
  }
  return undefined;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';

/** A list number in one of Word's formats. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'chineseLegalSimplified':
      return chineseNumber(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).split('').map((d) => CHINESE_DIGITS[Number(d)]).join('');
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
    case 'lowerLetter': {
      const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'upperRoman':
    case 'lowerRoman': {
      const roman = toRoman(n);
      return format === 'upperRoman' ? roman : roman.toLowerCase();
    }
    default:
      return String(n);
  }
}

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五. */
function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99999) return String(n);
  if (n === 0) return '〇';
  const units = ['', '十', '百', '千', '万'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, k) => {
    const unit = units[digits.length - 1 - k]!;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : CHINESE_DIGITS[d]) + unit;
  });
  return out;
}

function toRoman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined ? NaN : parseInt(value, 10);
  return Number.isFinite(n) ? n : fallback;
}
