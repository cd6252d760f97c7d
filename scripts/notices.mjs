// Writes THIRD_PARTY_NOTICES.md: the licences of the third-party code the bundles in dist/ carry (and the .vsix
// ships), each package's own licence text as its package holds it.
//   node scripts/notices.mjs           write the file
//   node scripts/notices.mjs --check   exit 1 when the committed file differs from what would be written
// test/unit/extensionAssets.test.ts checks that every package a bundle holds (by its source map) is listed.

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const OUT = join(root, 'THIRD_PARTY_NOTICES.md');

/**
 * Packages bundled into dist/ (cli.js, server.js, extension.js, pdfEngine.js), with what each is for. `text`:
 * where the licence text is, when the package has no LICENSE file of its own.
 */
export const PACKAGES = [
  { name: 'unpdf', what: 'the PDF reader (dist/pdfEngine.js): a serverless build of pdf.js' },
  {
    name: 'pdf.js', version: '5.4.149', license: 'Apache-2.0', what: 'inside unpdf: parses PDF files (dist/pdfEngine.js)',
    copyright: 'Copyright 2012 Mozilla Foundation', textFrom: ['typescript', 'LICENSE.txt'], textCheck: /^Apache License\s+Version 2\.0, January 2004/,
  },
  {
    name: 'Adobe CMap resources (Adobe-GB1)', version: 'as in pdfjs-dist 5.4.149', license: 'BSD-3-Clause', what: 'the simplified Chinese CMaps the PDF reader embeds (dist/pdfEngine.js)',
    file: 'server/src/readers/cmaps/LICENSE',
  },
  { name: 'htmlparser2', what: 'the web page reader' },
  { name: 'entities', what: 'HTML entities, for htmlparser2' },
  { name: 'domelementtype', what: 'for htmlparser2' },
  { name: 'domhandler', what: 'for htmlparser2' },
  { name: 'domutils', what: 'for htmlparser2' },
  { name: 'dom-serializer', what: 'for htmlparser2' },
  {
    name: 'saxes', what: 'the XML parser of the Word readers', isc: 'Copyright Louis-Dominique Dubeau and contributors to saxes',
  },
  { name: 'xmlchars', what: 'XML character classes, for saxes' },
  { name: 'fflate', what: 'unzipping .docx files' },
  { name: 'picomatch', what: 'glob patterns of the workspace settings' },
  { name: 'vscode-languageserver', what: 'the language server' },
  { name: 'vscode-languageserver-protocol', what: 'the language server protocol' },
  { name: 'vscode-languageserver-types', what: 'the language server protocol types' },
  { name: 'vscode-languageserver-textdocument', what: 'documents of the language server' },
  { name: 'vscode-jsonrpc', what: 'JSON-RPC of the language server and client' },
  { name: 'vscode-languageclient', what: 'the extension\'s language client' },
  { name: 'minimatch', what: 'for vscode-languageclient' },
  { name: 'brace-expansion', what: 'for minimatch' },
  { name: 'balanced-match', what: 'for brace-expansion' },
  { name: 'semver', what: 'for vscode-languageclient' },
];

const ISC = (copyright) => `ISC License

${copyright}

Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby
granted, provided that the above copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS SOFTWARE INCLUDING ALL
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT,
INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN
AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR
PERFORMANCE OF THIS SOFTWARE.`;

function licenceFile(dir) {
  for (const f of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'License.txt', 'license', 'LICENCE']) {
    if (existsSync(join(dir, f))) return join(dir, f);
  }
  return undefined;
}

function entry(p) {
  let version = p.version;
  let license = p.license;
  let text;
  if (p.file) text = readFileSync(join(root, p.file), 'utf8');
  else if (p.textFrom) {
    text = readFileSync(join(root, 'node_modules', ...p.textFrom), 'utf8').replace(/\r\n/g, '\n');
    if (!p.textCheck.test(text)) throw new Error(`${p.name}: ${p.textFrom.join('/')} is not the expected licence text`);
    text = `${p.copyright}\n\n${text}`;
  } else {
    const dir = join(root, 'node_modules', p.name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    version ??= pkg.version;
    license ??= pkg.license;
    if (p.isc) text = ISC(p.isc);
    else {
      const file = licenceFile(dir);
      if (!file) throw new Error(`${p.name}: no licence file`);
      text = readFileSync(file, 'utf8');
    }
  }
  text = text.replace(/\r\n/g, '\n').replace(/\s+$/, '');
  return `## ${p.name} ${version} (${license})\n\nUsed for: ${p.what}.\n\n\`\`\`\n${text}\n\`\`\`\n`;
}

export function notices() {
  return `# Third-party notices

The bundles of this extension and command-line checker (\`dist/\`) contain the following third-party code. Each
is listed with its version, its licence, what it is used for, and its licence text. This file is generated by
\`node scripts/notices.mjs\` from the packages in \`node_modules\`.

${PACKAGES.map(entry).join('\n')}`;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const text = notices();
  if (process.argv.includes('--check')) {
    const same = existsSync(OUT) && readFileSync(OUT, 'utf8') === text;
    if (!same) process.stderr.write('THIRD_PARTY_NOTICES.md is not up to date: run node scripts/notices.mjs\n');
    process.exitCode = same ? 0 : 1;
  } else writeFileSync(OUT, text);
}
