// Counts the tokens of one text file with the npm tokenizers Promptwise is compared with, and prints one JSON line per tokenizer.
// Usage: node tokenizers.mjs <text file> <encoding> <runs>
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { get_encoding } from 'tiktoken';

const [textFile, encodingName, runsArgument] = process.argv.slice(2);
const text = readFileSync(textFile, 'utf8');
const utf8Bytes = Buffer.byteLength(text, 'utf8');
const runs = Number(runsArgument ?? 5);

const tiktokenEncoding = get_encoding(encodingName);
const gptTokenizer = await import(`gpt-tokenizer/encoding/${encodingName}`);

const tokenizers = {
  'tiktoken (WASM)': () => tiktokenEncoding.encode_ordinary(text).length,
  'gpt-tokenizer (JS)': () => gptTokenizer.encode(text, { disallowedSpecial: new Set() }).length,
};

for (const [name, count] of Object.entries(tokenizers)) {
  // The first run loads the vocabulary and warms the JIT; it is not measured.
  const tokens = count();
  const milliseconds = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const again = count();
    milliseconds.push(performance.now() - start);
    if (again !== tokens) throw new Error(`${name} counted ${again} then ${tokens}`);
  }
  milliseconds.sort((a, b) => a - b);
  const median = milliseconds[Math.floor(milliseconds.length / 2)];
  console.log(JSON.stringify({ tokenizer: name, encoding: encodingName, tokens, utf8Bytes, medianMs: median,
    megabytesPerSecond: utf8Bytes / 1e6 / (median / 1000) }));
}
tiktokenEncoding.free();
