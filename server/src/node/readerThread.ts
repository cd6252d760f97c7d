// What the language server's reader threads run (bundled to dist/readerThread.js): the readers, and the one task
// the server gives them, so that a thread never loads the server (an LSP connection has no business in a thread).
// The task judges the report where it was read (node/published.ts judgeReport) and, for a web page, hands back the
// page's source as the HTML reader decoded it: the HTML map's offsets are offsets into it.

import { messagesFor } from '../l10n';
import { isReaderThread, judgeReport, registerReaderTask, serveReaderThread, type ReadForCheck } from './published';

/** The server's reader task: the file judged for checking, and a web page's decoded source. */
export const SERVER_READ_TASK = 'server-read';

export interface ServerRead {
  readonly read: ReadForCheck;
  /** A web page's source as decoded (where the map's HTML offsets point). */
  readonly htmlSource?: string;
}

registerReaderTask(SERVER_READ_TASK, (report, options, context): ServerRead => {
  const read = judgeReport(report, messagesFor((options as { locale?: string } | undefined)?.locale), context.deadlineMs);
  return read.ok && read.format === 'html' ? { read, htmlSource: context.htmlSource() } : { read };
});

if (isReaderThread()) serveReaderThread();
