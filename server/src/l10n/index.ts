// The message catalogue: pick one per request.

import { en } from './en';
import type { Locale, Messages } from './messages';
import { zhCN } from './zh-CN';

export type { ConfigProblem, IdentityKind, Labelled, Locale, Messages, ReaderProblemCode, SummaryColumn, SummaryRowType } from './messages';

/** "en…" (en, en-US, en-GB) is English; anything else, Chinese: the users are Chinese offices. */
export function normalizeLocale(locale: string | undefined): Locale {
  return locale && /^en/i.test(locale) ? 'en' : 'zh-CN';
}

export function messagesFor(locale: string | undefined): Messages {
  return normalizeLocale(locale) === 'en' ? en : zhCN;
}
