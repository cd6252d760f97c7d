// The readers themselves (the parsers of HTML, XML, zip, RTF, OLE and the PDF reader's front), as a reader thread
// loads them: node/published.ts imports this module dynamically, on the first file a thread reads, so that a build
// can leave it out of the CLI and server bundles (the `readersApart` plugin of scripts/build.mjs makes it
// dist/readers.js). Then neither the CLI's main thread nor its check threads parse ~370 KB of readers and their
// parsers they never run (~25 ms per thread). pdf.js is further apart still (pdfEngine.ts).

export { readPublished } from './index';
export { decodeHtml } from './html';
