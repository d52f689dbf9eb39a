/**
 * `npm run new:card -- <stack> <card-id> "The reader's question?"`: writes a draft card,
 * content/explainers/<stack>/<card-id>.mdx, and adds its id to the stack's cards in
 * content/data/stacks.yaml (src/lib/card-scaffold.ts says what they contain). Works on the
 * project in the current folder, which is where npm runs its scripts. A refusal is one line
 * and exit code 1. Runs on Node's own TypeScript support.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DRAFT_MARK, scaffoldCard, type CardScaffold } from '../lib/card-scaffold.ts';

const USAGE = 'usage: npm run new:card -- <stack> <card-id> "The reader\'s question?"';
const root = process.cwd();
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function refuse(message: string): never {
  console.error(`new:card: ${message}`);
  process.exit(1);
}

const [stack, id, ...rest] = process.argv.slice(2);
if (!stack || !id) refuse(USAGE);
if (rest.length > 1) refuse(`expected the question as one argument, in quotes; ${USAGE}`);
if (!existsSync(join(root, 'content/data/stacks.yaml'))) refuse(`no content/data/stacks.yaml in ${root}: run it from the project's folder`);

const explainers = join(root, 'content/explainers');
const cardFiles = readdirSync(explainers, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(explainers, d.name)).map((f) => `${d.name}/${f.replace(/\.mdx$/, '')}`));

let result: CardScaffold | { refusal: string };
try {
  result = scaffoldCard({
    stack,
    id,
    question: rest[0] ?? '',
    today: new Date().toISOString().slice(0, 10),
    stacksYaml: read('content/data/stacks.yaml'),
    sourcesYaml: read('content/data/sources.yaml'),
    homeYaml: read('content/data/home.yaml'),
    cardFiles,
  });
} catch (error) {
  // A content file that is not valid YAML: the content check would say the same.
  refuse(`cannot read the content: ${(error as Error).message.split('\n')[0]}`);
}
if ('refusal' in result) refuse(result.refusal);

mkdirSync(dirname(join(root, result.file)), { recursive: true });
writeFileSync(join(root, result.file), result.text, { flag: 'wx' });
mkdirSync(dirname(join(root, result.translation.file)), { recursive: true });
writeFileSync(join(root, result.translation.file), result.translation.text, { flag: 'wx' });
writeFileSync(join(root, 'content/data/stacks.yaml'), result.stacksYaml);
console.log(`new:card: wrote ${result.file}, its Ukrainian draft ${result.translation.file}, and added "${id}" to the cards of "${stack}" in content/data/stacks.yaml.`);
console.log(`Write its dek and body and set its dates; until every ${DRAFT_MARK} line is gone, the content tests refuse it.`);
