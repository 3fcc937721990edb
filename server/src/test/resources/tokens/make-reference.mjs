// Writes reference-counts.json: token counts of varied texts from OpenAI's own tokenizer, so TokenCounterTest can
// check jtokkit against it exactly.
//
// How to run (outside the repository, so no node_modules lands in it):
//   mkdir -p /tmp/tokref && cd /tmp/tokref && npm init -y && npm install tiktoken@1.0.22 gpt-tokenizer@4.0.0
//   cp <repo>/server/src/test/resources/tokens/make-reference.mjs .
//   node make-reference.mjs <repo>/server/src/test/resources/corpus/dotprompt/packages/codemirror/samples/11-multilingual-unicode.prompt \
//       <repo>/server/src/test/resources/corpus/dotprompt/packages/codemirror/samples/10-kitchen-sink.prompt \
//       > <repo>/server/src/test/resources/tokens/reference-counts.json
//
// tiktoken (the WebAssembly build of OpenAI's tokenizer) gives the counts; gpt-tokenizer, written independently,
// must agree on every text or the script fails, so a bug in one of them cannot slip into the reference.
// Special-token text such as <|endoftext|> is encoded as ordinary text, as Promptwise counts it.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { get_encoding } from 'tiktoken';
import * as gptO200k from 'gpt-tokenizer/encoding/o200k_base';
import * as gptCl100k from 'gpt-tokenizer/encoding/cl100k_base';

// Read from node_modules directly: neither package exports its package.json.
const versionOf = (name) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version;
const versions = { tiktoken: versionOf('tiktoken'), 'gpt-tokenizer': versionOf('gpt-tokenizer') };

const texts = [
  ['english-prose', 'The quick brown fox jumps over the lazy dog. It was the best of times, it was the worst of times.'],
  ['english-contractions', "I'm sure you'll agree: they've said it's what we'd do, and we're DONE. YOU'RE RIGHT, isn't it?"],
  ['system-prompt', 'You are a helpful assistant that classifies support tickets.\nAnswer with one word: billing, bug, or other.\n\nTicket: {{ticket}}\n'],
  ['java-code', 'public final class Main {\n    public static void main(String[] args) {\n        System.out.println("Hello, " + args[0]);\n    }\n}\n'],
  ['python-code', 'def fib(n: int) -> int:\n\tif n < 2:\n\t\treturn n\n\treturn fib(n - 1) + fib(n - 2)\n\n\nprint([fib(i) for i in range(20)])\n'],
  ['json', '{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi!"}],"temperature":0.2,"max_tokens":512}'],
  ['json-pretty', '{\n  "model": "gpt-4o-mini",\n  "items": [\n    1,\n    2.5,\n    -3e10\n  ],\n  "ok": true\n}\n'],
  ['yaml-front-matter', '---\nname: triage\nmodel:\n  api: chat\n  configuration:\n    type: openai\n---\nsystem:\nYou sort tickets.\n\nuser:\n{{question}}\n'],
  ['chinese', '你好，世界！这是一个用于测试分词器的中文句子。我们希望计数完全一致。'],
  ['japanese', '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。カタカナもテストします。'],
  ['korean', '안녕하세요. 토크나이저 테스트를 위한 한국어 문장입니다.'],
  ['arabic', 'مرحبا بالعالم. هذه جملة باللغة العربية لاختبار عدد الرموز، مع أرقام ١٢٣ و 456.'],
  ['hindi', 'नमस्ते दुनिया। यह एक परीक्षण वाक्य है।'],
  ['emoji', 'Great job! 🎉🎉 Let\'s ship it 🚀 — thanks 🙏😀'],
  ['emoji-zwj-skin-tones', 'Family: 👨‍👩‍👧‍👦 Developer: 👩🏽‍💻 Wave: 👋🏿👋🏻 Flag: 🏳️‍🌈 🇩🇪🇯🇵'],
  ['long-spaces', 'start' + ' '.repeat(200) + 'middle' + ' '.repeat(57) + '\n' + ' '.repeat(33) + 'end   '],
  ['tabs-and-blank-lines', '\t\tindented\n\n\n\n\t\n   \n\nafter blank lines\n\n\n'],
  ['crlf', 'line one\r\nline two\r\n\r\n  indented after CRLF\r\nlast line without newline'],
  ['lone-cr', 'classic mac\rline\r\rend'],
  ['numbers', '1 12 123 1234 12345 123456 3.14159 -42 1,000,000 0x1F 2025-09-05 $2.50 per 1M tokens'],
  ['special-token-text', 'Before <|endoftext|> after, and <|fim_prefix|><|im_start|>user<|im_end|> too.'],
  ['markdown', '# Title\n\n- **bold** item\n- `code` item\n\n> quote\n\n```js\nconst x = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'],
  ['slashes-after-newlines', 'a;\n/path/to/file\n// comment\n/* block */\n;\n//\nx'],
  ['punctuation-runs', '!!!???...---***###@@@$$$%%%^^^&&&((()))[[[]]]{{{}}}<<<>>>\n\n;;;:::\n'],
  ['mixed-case-words', 'HTTPServerError XMLHttpRequest camelCaseWords snake_case_words SCREAMING_CASE iPhone McDonald'],
  ['accents-and-combining', 'Crème brûlée, naïve café, Ångström, e\u0301 (combining), Zürich — “quotes” ‘single’'],
  ['nbsp-and-unicode-spaces', 'no\u00a0break\u2009thin\u3000ideographic\n\u00a0starts with nbsp\n\u2028line separator'],
  ['url-and-email', 'See https://example.com/a/b?c=d&e=f#g or mail someone@example.org.'],
  ['template-variables', 'Hello {{name}}, your order {{ order.id }} ships ${input:date}. {{#each items}}- {{this}}\n{{/each}}'],
  ['empty', ''],
  ['single-newline', '\n'],
];

for (const path of process.argv.slice(2)) {
  texts.push(['corpus:' + basename(path), readFileSync(path, 'utf8')]);
}

const tiktokenO200k = get_encoding('o200k_base');
const tiktokenCl100k = get_encoding('cl100k_base');
const noSpecial = { allowedSpecial: new Set(), disallowedSpecial: new Set() };

const cases = texts.map(([name, text]) => {
  const o200k = tiktokenO200k.encode_ordinary(text).length;
  const cl100k = tiktokenCl100k.encode_ordinary(text).length;
  const otherO200k = gptO200k.encode(text, noSpecial).length;
  const otherCl100k = gptCl100k.encode(text, noSpecial).length;
  if (o200k !== otherO200k || cl100k !== otherCl100k) {
    throw new Error(`${name}: tiktoken ${o200k}/${cl100k} but gpt-tokenizer ${otherO200k}/${otherCl100k}`);
  }
  return { name, text, o200k_base: o200k, cl100k_base: cl100k };
});

tiktokenO200k.free();
tiktokenCl100k.free();
process.stdout.write(JSON.stringify({ generator: 'make-reference.mjs', versions, cases }, null, 2) + '\n');
