// The floor for throughput: read every file, decode it, split it into lines — nothing else. One thread.
//   node out/bench/floor.js <folder> [--transcode]
// Decoding is TextDecoder, the standard way; with --transcode it is the checker's own way (isUtf8 + transcode to
// UTF-16, ~5x faster on Chinese text), which makes the floor about half as long: the bench reports both.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { isUtf8, transcode } from 'node:buffer';
import { join } from 'node:path';

const fast = process.argv.includes('--transcode');
const decoder = new TextDecoder('utf-8');
const decode = fast
  ? (bytes: Buffer) => (isUtf8(bytes) ? transcode(bytes, 'utf8', 'utf16le').toString('utf16le') : decoder.decode(bytes))
  : (bytes: Buffer) => decoder.decode(bytes);
let files = 0;
let lines = 0;
function walk(dir: string): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.txt')) {
      files++;
      lines += decode(readFileSync(p)).split(/\r\n|\r|\n/).length;
    }
  }
}
walk(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '.');
process.stdout.write(`${files} files, ${lines} lines\n`);
