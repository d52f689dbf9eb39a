/**
 * Hostile and careless single-file edits to the real content, for the content fuzz tests
 * (tests/unit/content-fuzz.test.ts runs them all against the content check in-process;
 * tests/build/content-fuzz-build.test.ts builds a handful end to end).
 *
 * Each edit changes one file and says what must happen: `refused` (the check names the file)
 * or `builds` (the content is accepted and, once built, is harmless text). The cases are made
 * from lists of payloads crossed with the places an editor could put them, so every category
 * is tried in more than one file.
 */

/** A planted "secret": it must never reach dist/, whatever an edit does. */
export const PLANTED_SECRET_NAME = 'FUZZ_DEPLOY_TOKEN';
export const PLANTED_SECRET = 'fuzz-secret-7f3a9c';

/** Text that marks hostile markup: if it appears live in dist/, an edit got through. */
export const MARK = 'fuzzmark';

export type Files = Record<string, string>;
export type Outcome = 'refused' | 'builds';

export interface FuzzCase {
  name: string;
  category: string;
  file: string;
  outcome: Outcome;
  /** The edited text of `file`, from the current files; `undefined` deletes it. */
  edit(files: Files): string | undefined;
  /** For encoding cases: the raw bytes to read instead of text. */
  bytes?(files: Files): Uint8Array;
}

/** Cards the body payloads go into (one per stack). */
export const FUZZ_CARDS = [
  'content/explainers/security-guarantees/european-force.mdx',
  'content/explainers/article-5/legal-form.mdx',
  'content/explainers/frozen-assets/belgium-objections.mdx',
];

/** Put `payload` as its own paragraph after the card's first paragraph of body text. */
const intoBody = (payload: string) => (text: string) => {
  const end = text.indexOf('\n---\n', 4) + 5;
  const para = text.indexOf('\n\n', end + 1);
  return `${text.slice(0, para)}\n\n${payload}${text.slice(para)}`;
};

/** Put `payload` at the end of the card's first paragraph, inline. */
const inlineInBody = (payload: string) => (text: string) => {
  const end = text.indexOf('\n---\n', 4) + 5;
  const start = text.slice(end).search(/\n\n[A-Z]/) + end + 2;
  const para = text.indexOf('\n\n', start);
  return `${text.slice(0, para)} ${payload}${text.slice(para)}`;
};

/** Replace the first `key: value` (with its continuation lines) in front matter or YAML with `key: <yaml>`. */
const setField = (key: string, yaml: string) => (text: string) => {
  const m = new RegExp(`^( *)(- )?${key}:.*\n`, 'm').exec(text);
  if (!m) throw new Error(`no ${key}: line to replace`);
  const indent = m[1]!.length + (m[2] ? 2 : 0);
  let end = m.index + m[0].length;
  // Continuation lines are indented deeper than the key (a folded text, a list of ids).
  for (const line of text.slice(end).split('\n')) {
    if (line.length - line.trimStart().length <= indent || !line.trim()) break;
    end += line.length + 1;
  }
  return `${text.slice(0, m.index)}${m[1]}${m[2] ?? ''}${key}: ${yaml}\n${text.slice(end)}`;
};

const yamlString = (s: string) => JSON.stringify(s);

/** Payloads that make a card body code: each must be refused. */
const BODY_CODE: [string, string, 'block' | 'inline'][] = [
  ['script element', `<script>${MARK}()</script>`, 'block'],
  ['inline script', `<script>${MARK}()</script>`, 'inline'],
  ['iframe', `<iframe src="https://evil.example/${MARK}" />`, 'block'],
  ['img onerror', `<img src="x" onerror="${MARK}()" />`, 'inline'],
  ['svg onload', `<svg onload="${MARK}()" />`, 'block'],
  ['style element', `<style>{"body{display:none}"}</style>`, 'block'],
  ['object element', `<object data="https://evil.example/${MARK}" />`, 'block'],
  ['form', `<form action="https://evil.example"><input name="${MARK}" /></form>`, 'block'],
  ['anchor element', `<a href="javascript:${MARK}()">x</a>`, 'inline'],
  ['base element', `<base href="https://evil.example/" />`, 'block'],
  ['meta refresh', `<meta httpEquiv="refresh" content="0;url=https://evil.example" />`, 'block'],
  ['event handler on em', `<em onClick="${MARK}()">x</em>`, 'inline'],
  ['style attribute', `<span style="position:fixed">${MARK}</span>`, 'inline'],
  ['class attribute on abbr', `<abbr title="x" class="${MARK}">x</abbr>`, 'inline'],
  ['javascript: link', `[${MARK}](javascript:alert(1))`, 'inline'],
  ['mixed-case scheme', `[${MARK}](JaVaScRiPt:alert(1))`, 'inline'],
  ['entity-hidden scheme', `[${MARK}](java&#x09;script:alert(1))`, 'inline'],
  ['vbscript: link', `[${MARK}](vbscript:msgbox)`, 'inline'],
  ['data: link', `[${MARK}](data:text/html;base64,PHNjcmlwdD4=)`, 'inline'],
  ['protocol-relative link', `[${MARK}](//evil.example/)`, 'inline'],
  ['link definition', `[${MARK}][r]\n\n[r]: javascript:alert(1)`, 'block'],
  ['third-party image', `![${MARK}](https://evil.example/pixel.png)`, 'block'],
  ['import', `import fs from 'node:fs'`, 'block'],
  ['export', `export const ${MARK} = 1`, 'block'],
  ['export default', `export default function ${MARK}() {}`, 'block'],
  ['env expression', `{process.env.${PLANTED_SECRET_NAME}}`, 'inline'],
  ['arithmetic expression', `{6 * 7}`, 'inline'],
  ['code after a comment', `{/* note */ process.env.${PLANTED_SECRET_NAME}}`, 'inline'],
  ['IIFE', `{(() => { throw new Error('${MARK}') })()}`, 'block'],
  ['unknown component', `<Evil />`, 'inline'],
  ['lower-case custom element', `<evil-element>${MARK}</evil-element>`, 'block'],
  ['member component', `<Cite.Evil />`, 'inline'],
  ['spread props', `<Cite id="bloomberg-2025-12-18" {...globalThis} />`, 'inline'],
  ['expression prop', `<Value id={process.env.${PLANTED_SECRET_NAME}} />`, 'inline'],
  ['handler on a house component', `<Cite id="bloomberg-2025-12-18" onClick="${MARK}()" />`, 'inline'],
  ['javascript: id', `<Cite id="javascript:alert(1)" />`, 'inline'],
  ['path-like chart id', `<Chart id="../../x" />`, 'block'],
  ['unknown source', `<Cite id="no-such-source" />`, 'inline'],
  ['unknown figure', `<Value id="no-such-figure" />`, 'inline'],
  ['confusable id', `<Cite id="bl\u043Eomberg-2025-12-18" />`, 'inline'],
  ['unclosed wrapper', `<Unknown>\n\nNever closed.`, 'block'],
  ['text in a self-closing component', `<Quote id="x">${MARK}</Quote>`, 'block'],
  ['deep blockquotes', `${'> '.repeat(200)}${MARK}`, 'block'],
  ['deep wrappers', `${'<Unknown>\n\n'.repeat(60)}${MARK}${'\n\n</Unknown>'.repeat(60)}`, 'block'],
  ['right-to-left override', `Read \u202E${MARK}\u202C carefully.`, 'inline'],
  ['zero-width space', `A zero\u200Bwidth space.`, 'inline'],
  ['HTML comment', `<!-- ${MARK} -->`, 'block'],
];

/** Payloads a careless editor types into a body that must still build, as harmless text. */
const BODY_TEXT: [string, string, 'block' | 'inline'][] = [
  ['escaped braces', `Braces \\{process.env.${PLANTED_SECRET_NAME}\\} are text.`, 'inline'],
  ['escaped markup', `Angle brackets \\<script> are text.`, 'inline'],
  ['comment', `{/* ${MARK}: a note for editors */}`, 'inline'],
  ['allowed inline HTML', `<abbr title="North Atlantic Treaty Organization">NATO</abbr> and <span lang="uk">гарантії</span>`, 'inline'],
  ['tabs in text', `A sentence\twith a tab.`, 'inline'],
  ['NFD text', `Zelenskyy (Зеленськи\u0306).`, 'inline'],
  ['mailto link', `[Write to us](mailto:desk@example.org).`, 'inline'],
  ['site link', `[All sources](/sources/).`, 'inline'],
];

/** Text typed into YAML fields: markup is text there, so it builds and must come out escaped. */
const YAML_TEXT = [
  `<script>${MARK}()</script>`,
  `<img src=x onerror=${MARK}()>`,
  `javascript:${MARK}()`,
  `"><svg onload=${MARK}()>`,
  `</script><script>${MARK}()</script>`,
];

function bodyCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const file of FUZZ_CARDS) {
    for (const [name, payload, where] of BODY_CODE) {
      cases.push({ name: `${name} in ${file}`, category: 'card body: code', file, outcome: 'refused', edit: (f) => (where === 'block' ? intoBody : inlineInBody)(payload)(f[file]!) });
    }
    for (const [name, payload, where] of BODY_TEXT) {
      cases.push({ name: `${name} in ${file}`, category: 'card body: text', file, outcome: 'builds', edit: (f) => (where === 'block' ? intoBody : inlineInBody)(payload)(f[file]!) });
    }
  }
  return cases;
}

function frontMatterCases(): FuzzCase[] {
  const card = FUZZ_CARDS[0]!;
  const cases: FuzzCase[] = [];
  YAML_TEXT.forEach((text, i) => {
    cases.push({ name: `markup in a dek (${i + 1})`, category: 'markup as text', file: card, outcome: 'builds', edit: (f) => setField('dek', yamlString(`${text} Then the answer.`))(f[card]!) });
  });
  const refused: [string, (t: string) => string][] = [
    ['RLO in the title', setField('title', yamlString('Would European \u202Etroops\u202C be in Ukraine?'))],
    ['zero-width joiner in the dek', setField('dek', yamlString('They could\u200D be.'))],
    ['sources as a string', setField('sources', 'bloomberg-2025-12-18')],
    ['published as a number', setField('published', '2025')],
    ['title as a list', setField('title', '[a, b]')],
    ['dek null', setField('dek', 'null')],
    ['impossible date', setField('updated', "'2026-02-30'")],
    ['unknown source in the list', setField('sources', '[no-such-source]')],
    ['path-like source id', setField('sources', '["../../etc/passwd"]')],
    ['confusable source id', setField('sources', `[${yamlString('bloomberg-2025-12-1\u0437')}]`)],
    ['unknown field', (t) => t.replace('\n---\n', '\nscript: alert(1)\n---\n')],
    ['YAML alias bomb', (t) => t.replace('\n---\n', `\nx: &a [1,1,1,1,1,1,1,1,1]\n${Array.from({ length: 12 }, (_, k) => `x${k}: &a${k} [${Array(9).fill(k ? `*a${k - 1}` : '*a').join(',')}]`).join('\n')}\n---\n`)],
    ['no front matter', (t) => t.slice(t.indexOf('\n---\n', 4) + 5)],
    ['unclosed front matter', (t) => t.replace('\n---\n', '\n')],
  ];
  for (const [name, edit] of refused) cases.push({ name, category: 'card front matter', file: card, outcome: 'refused', edit: (f) => edit(f[card]!) });
  return cases;
}

const SOURCES = 'content/data/sources.yaml';
const GLOSSARY = 'content/data/glossary.yaml';
const FIGURES = 'content/data/figures.yaml';
const CHART = 'content/data/charts/troop-sizes.yaml';
const STACKS = 'content/data/stacks.yaml';
const PEOPLE = 'content/data/people.yaml';

function dataCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const refused: [string, string, (t: string) => string][] = [
    ['javascript: source url', SOURCES, setField('url', yamlString(`javascript:${MARK}()`))],
    ['data: source url', SOURCES, setField('url', yamlString('data:text/html,hi'))],
    ['javascript: copy url', SOURCES, (t) => t.replace(/^(- id: .*\n)/m, `$1  via:\n    publisher: A copy\n    url: ${yamlString(`javascript:${MARK}()`)}\n`)],
    ['ftp: licence url', CHART, (t) => (t.includes('url:') ? setField('url', yamlString('ftp://x.org/licence'))(t) : t.replace(/^title:/m, 'licences:\n  - package: x\n    version: "1"\n    files: x\n    licence: MIT\n    provenance: x\n    url: ftp://x.org/l\ntitle:'))],
    ['RLO in a source title', SOURCES, setField('title', yamlString(`Report \u202E${MARK}`))],
    ['zero-width space in a glossary term', GLOSSARY, setField('term', yamlString('Article\u200B 5'))],
    ['RLO in a chart label', CHART, setField('label', yamlString('Ukraine \u202Ebefore'))],
    ['zero-width in an id', FIGURES, setField('id', yamlString('ukraine-army\u200B-peacetime'))],
    ['confusable id', PEOPLE, setField('id', yamlString('zelensky\u0443'))],
    ['path-like id', GLOSSARY, setField('id', yamlString('../../x'))],
    ['duplicate source id', SOURCES, (t) => `${t.trimEnd()}\n${t.slice(t.indexOf('- id:'), t.indexOf('\n- id:', t.indexOf('- id:')) + 1)}`],
    ['value as text', FIGURES, setField('value', yamlString('ten'))],
    ['confidence out of list', FIGURES, setField('confidence', 'certain')],
    ['rows not a list', CHART, (t) => t.replace(/^rows:\n[\s\S]*$/m, 'rows: 5\n')],
    ['chart id not its file name', CHART, setField('id', 'troops')],
    ['stack lists a missing card', STACKS, (t) => t.replace(/^(\s+cards:\n)/m, '$1      - no-such-card\n')],
    ['stack id path-like', STACKS, setField('id', yamlString('../../x'))],
    ['not a list', SOURCES, () => 'id: x\n'],
    ['invalid YAML', GLOSSARY, (t) => `${t}\n  : : [\n`],
    ['tab indentation', GLOSSARY, (t) => t.replace(/\n {2}(\w)/, '\n\t$1')],
  ];
  for (const [name, file, edit] of refused) cases.push({ name, category: 'data files', file, outcome: 'refused', edit: (f) => edit(f[file]!) });
  YAML_TEXT.forEach((text, i) => {
    cases.push({ name: `markup in a source title (${i + 1})`, category: 'markup as text', file: SOURCES, outcome: 'builds', edit: (f) => setField('title', yamlString(text))(f[SOURCES]!) });
    cases.push({ name: `markup in a glossary definition (${i + 1})`, category: 'markup as text', file: GLOSSARY, outcome: 'builds', edit: (f) => setField('definition', yamlString(`${text} A definition.`))(f[GLOSSARY]!) });
  });
  return cases;
}

function fileCases(): FuzzCase[] {
  const card = FUZZ_CARDS[1]!;
  const other = 'content/explainers/context/donbas.mdx';
  const enc = (s: string) => new TextEncoder().encode(s);
  const withBytes = (name: string, outcome: Outcome, file: string, bytes: (text: string) => Uint8Array): FuzzCase => ({
    name,
    category: 'encoding',
    file,
    outcome,
    edit: (f) => f[file],
    bytes: (f) => bytes(f[file]!),
  });
  return [
    withBytes('byte-order mark', 'builds', card, (t) => Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(t)])),
    withBytes('CRLF line ends', 'builds', card, (t) => enc(t.replace(/\n/g, '\r\n'))),
    withBytes('BOM and CRLF (a Windows editor)', 'builds', other, (t) => Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(t.replace(/\n/g, '\r\n'))])),
    withBytes('BOM and CRLF in a data file', 'builds', GLOSSARY, (t) => Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(t.replace(/\n/g, '\r\n'))])),
    withBytes('Latin-1 byte', 'refused', card, (t) => Uint8Array.from([...enc(t), 0x63, 0x61, 0x66, 0xe9])),
    withBytes('UTF-16 file', 'refused', GLOSSARY, (t) => Uint8Array.from([0xff, 0xfe, ...[...t].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])])),
    withBytes('truncated UTF-8', 'refused', other, (t) => Uint8Array.from([...enc(t), 0xe2, 0x82])),
    { name: 'empty card', category: 'structure', file: card, outcome: 'refused', edit: () => '' },
    { name: 'empty sources file', category: 'structure', file: SOURCES, outcome: 'refused', edit: () => '' },
    { name: 'empty chart file', category: 'structure', file: CHART, outcome: 'refused', edit: () => '' },
    { name: 'deleted data file', category: 'structure', file: PEOPLE, outcome: 'refused', edit: () => undefined },
    { name: 'front matter only', category: 'structure', file: card, outcome: 'refused', edit: () => '---\n---\n' },
    { name: 'binary junk', category: 'structure', file: card, outcome: 'refused', edit: () => '\u0000\u0001\u0002PK\u0003\u0004' },
    { name: 'a card copied into another stack (duplicate id)', category: 'structure', file: 'content/explainers/context/legal-form.mdx', outcome: 'refused', edit: (f) => f[card] },
    { name: 'a card file with a dotted name', category: 'structure', file: 'content/explainers/context/Legal.Form.mdx', outcome: 'refused', edit: (f) => f[card] },
    { name: 'a card in an unknown stack', category: 'structure', file: 'content/explainers/evil/legal-form-2.mdx', outcome: 'refused', edit: (f) => f[card] },
    { name: 'a 1 MB card body', category: 'structure', file: other, outcome: 'builds', edit: (f) => `${f[other]!.trimEnd()}\n\n${'A long paragraph of plain text about the plan. '.repeat(22_000)}\n` },
  ];
}

/** Every case, in a fixed order. */
export function fuzzCases(): FuzzCase[] {
  return [...bodyCases(), ...frontMatterCases(), ...dataCases(), ...fileCases()];
}
