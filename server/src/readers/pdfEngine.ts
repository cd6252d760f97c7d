// The heavy part of the PDF reader, imported on the first PDF read: pdf.js (1.3 MB minified) and the Chinese
// CMaps (0.4 MB). pdf.ts imports only this module, dynamically, so a build can leave it out of the CLI and server
// bundles (esbuild `external: ['./pdfEngine.js']`) and ship it once as its own file beside them: then neither
// parses pdf.js at start-up, and the .vsix carries it once. A build that bundles it inline still evaluates it
// only when a PDF is read, but pays the parse of its text when the bundle loads.

export { CHINESE_CMAPS } from './pdfCMaps';

/** pdf.js (unpdf's serverless build: display layer and worker code in one module). */
export function importPdfJs(): Promise<unknown> {
  return import('unpdf/pdfjs');
}
