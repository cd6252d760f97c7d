// Misprinted row labels: "2.其他法律行政止公开" is 2.其他法律行政法规禁止公开 with two characters lost. Such a label is
// matched to its row (with a warning and a fix that restores it) instead of leaving the row "missing" and its
// numbers unread. Only a close, unique match counts: most of the canonical label's characters present, in order,
// and few others.

/** Length of the longest common subsequence of a and b (both short: labels). */
function lcs(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** The longest label compared: a longer one is prose or several cells run together. */
const MAX_LENGTH = 48;

/**
 * The one candidate whose words `label` is a misprint of, or undefined. Both are normalised and ordinal-stripped.
 * A candidate matches when at least 70% of its characters appear in the label in order and at least 80% of the
 * label's characters are its; the best must beat the second best clearly (a guess between two rows is no match).
 */
export function misprintOf<T extends { readonly words: string }>(label: string, candidates: readonly T[]): T | undefined {
  if (label.length < 4 || label.length > MAX_LENGTH) return undefined;
  let best: T | undefined;
  let bestScore = 0;
  let second = 0;
  for (const c of candidates) {
    if (c.words.length < 4) continue;
    const common = lcs(label, c.words);
    if (common < 0.7 * c.words.length || common < 0.8 * label.length) continue;
    const score = common / Math.max(label.length, c.words.length);
    if (score > bestScore) {
      second = bestScore;
      bestScore = score;
      best = c;
    } else if (score > second) second = score;
  }
  return best && bestScore - second >= 0.15 ? best : undefined;
}
