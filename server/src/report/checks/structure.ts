// The report's structure: the six parts (present, in order, once, with their canonical headings), the five
// sub-parts of 一, the stated part count, the fee statement of 六, and the 2019 trial format in a later report.

import type { Collector, DiagnosticData } from '../check';
import { topicNumberedLikePart } from '../parts';
import { firstPart } from '../model';
import { partName, subsectionName } from '../names';
import { PART_IDS, SUBSECTIONS, canonicalHeading, partSpec, type PartId } from '../schema';
import { partText, subsectionText } from '../template';
import { trimSpanEnd } from '../text';

export function checkStructure(c: Collector): void {
  checkPartsPresent(c);
  checkPartsOrderAndHeadings(c);
  checkSubsections(c);
  checkPartCount(c);
  checkFeeStatement(c);
  checkOldTemplate(c);
}

/** The start of the line holding `offset`. */
export function lineStart(c: Collector, offset: number): number {
  return c.model.lines.boundsAt(offset).start;
}

/** The 2021 format's requirements (sub-parts of 一, the fee statement) hold from the 2021 report on. */
function held2021(c: Collector): boolean {
  return c.model.year === undefined || c.model.year >= 2021;
}

function checkPartsPresent(c: Collector): void {
  const { model, msg } = c;
  const present = new Set(model.parts.map((p) => p.id));
  for (const id of PART_IDS) {
    if (present.has(id)) continue;
    // Insert before the first later part that is present; after the last earlier one otherwise.
    const next = model.parts.find((p) => p.id > id && !p.duplicate);
    const previous = [...model.parts].reverse().find((p) => p.id < id && !p.duplicate);
    const offset = next ? lineStart(c, next.heading.span.start) : model.text.length;
    const at = model.lines.positionAt(offset);
    // The diagnostic sits where the part belongs (the fix inserts it there), and says so in words.
    const where = { start: offset, end: offset };
    const prefix = next ? '' : model.text.endsWith('\n') || model.text.length === 0 ? '\n' : '\n\n';
    const place = msg.partPlace(previous && partName(previous.id, msg), next && partName(next.id, msg));
    c.add('section-missing', where, msg.sectionMissing(partName(id, msg), place), { kind: 'insert', at, text: `${prefix}${partText(id)}\n`, part: id });
  }
}

function checkPartsOrderAndHeadings(c: Collector): void {
  const { model, msg } = c;
  let maxSeen = 0;
  let maxPart: PartId | undefined;
  let topics: boolean | undefined;
  for (const part of model.parts) {
    if (part.duplicate) {
      c.add('section-duplicate', part.heading.span, msg.sectionDuplicate(partName(part.id, msg)), { kind: 'info', part: part.id });
      continue;
    }
    if (part.id < maxSeen && maxPart !== undefined) {
      c.add('section-order', part.heading.span, msg.sectionOrder(partName(part.id, msg), partName(maxPart, msg)), { kind: 'info', part: part.id });
    } else {
      maxSeen = part.id;
      maxPart = part.id;
    }
    if (!part.canonicalWords) {
      const canonical = canonicalHeading(part.id);
      const found = model.text.slice(part.heading.span.start, part.heading.span.end);
      c.add('section-heading-variant', part.heading.span, msg.headingVariant(found, canonical), { kind: 'replace', expected: canonical, actual: found });
    } else if (!part.canonical && part.heading.numeralSpan) {
      // The part's words are right and its ordinal is not (a report that numbers its parts its own way): one
      // warning on the ordinal, whose fix restores it.
      const found = model.text.slice(part.heading.numeralSpan.start, part.heading.numeralSpan.end);
      // "(二)" is replaced whole: the part's ordinal is "二、".
      const numeral = partSpec(part.id).numeral + (/[（(]/.test(found) ? '、' : '');
      // Where the report numbers other headings like parts (a municipal report's topics of 总体情况 as 二、三),
      // renumbering the parts would only make the numbers clash: said, not fixed.
      topics ??= topicNumberedLikePart(model.text, model.lines, new Set(model.parts.map((p) => p.heading.numeralSpan?.start ?? -1)));
      const data: DiagnosticData = topics
        ? { kind: 'info', part: part.id }
        : { kind: 'replace', expected: numeral, actual: found };
      c.add('section-heading-variant', part.heading.numeralSpan, msg.partOrdinal(found, numeral, partName(part.id, msg)), data);
    }
  }
}

function checkSubsections(c: Collector): void {
  const { model, msg } = c;
  const one = firstPart(model, 1);
  // The five sub-parts are required by the 2021 format ("主要包括…"); 2019/2020 reports are not held to it.
  if (!one || !held2021(c)) return;
  const have = new Set(model.subsections.map((s) => s.id));
  for (const s of SUBSECTIONS) {
    if (have.has(s.id)) continue;
    // Insert before the next sub-part present, else at the end of part 一.
    const later = model.subsections.find((x) => SUBSECTIONS.findIndex((y) => y.id === x.id) > SUBSECTIONS.indexOf(s));
    const atOffset = later ? lineStart(c, later.heading.span.start) : trimSpanEnd(model.text, one.body).end;
    c.add('subsection-missing', one.heading.span, msg.subsectionMissing(subsectionName(s.id, msg)), {
      kind: 'insert', at: model.lines.positionAt(atOffset), text: later ? `${subsectionText(s.id)}\n\n` : `\n${subsectionText(s.id)}\n`, subsection: s.id,
    });
  }
}

function checkPartCount(c: Collector): void {
  const stated = c.model.statedPartCount;
  if (!stated || stated.value === 6) return;
  const written = c.model.text.slice(stated.span.start, stated.span.end);
  c.add('part-count', stated.span, c.msg.partCount(stated.value), { kind: 'replace', expected: /\d/.test(written) ? '6' : '六', actual: written });
}

const FEE_WORDS = /信息处理费|处理费|收费|收取费用|费用/;

function checkFeeStatement(c: Collector): void {
  const six = firstPart(c.model, 6);
  if (!six || !held2021(c)) return;
  if (!FEE_WORDS.test(c.model.text.slice(six.body.start, six.body.end))) c.add('fee-statement-missing', six.heading.span, c.msg.feeMissing(), { kind: 'info' });
}

function checkOldTemplate(c: Collector): void {
  const { model } = c;
  const year = model.year;
  if (year === undefined || year < 2021 || model.oldFormatSignatures.length === 0) return;
  const first = model.oldFormatSignatures[0]!;
  c.add('old-template', first.span, c.msg.oldTemplate(year, first.label), { kind: 'info', signatures: model.oldFormatSignatures.map((s) => s.label) });
}
