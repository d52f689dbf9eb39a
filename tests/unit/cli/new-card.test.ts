/**
 * `npm run new:card`, run as npm runs it (the project's Node, on its own TypeScript support)
 * in a scratch copy of content/: it writes a card the content check accepts and lists it in
 * its stack; every refusal is one line on stderr, exit code 1, and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContent, formatProblem } from '../../../src/lib/content/check';
import { readContentFiles } from '../../../src/lib/content/loader';
import { ROOT } from '../../support/builds';

const CLI = join(ROOT, 'src/cli/new-card.ts');
let dir: string;
// The script npm runs, with the Node that runs these tests (the project's own).
const newCard = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
const stacksYaml = () => readFileSync(join(dir, 'content/data/stacks.yaml'), 'utf8');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ex-new-card-'));
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run new:card', () => {
  it('is the script package.json runs', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['new:card']).toBe('node src/cli/new-card.ts');
  });

  it('writes a card that passes the content check and lists it last in its stack', () => {
    const before = stacksYaml();
    const run = newCard('frozen-assets', 'who-decides', 'Who decides what happens to the assets?');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('wrote content/explainers/frozen-assets/who-decides.mdx');
    const { problems, model } = checkContent(readContentFiles(dir));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(model.stacks.find((s) => s.id === 'frozen-assets')!.cards.at(-1)).toBe('who-decides');
    expect(model.cards.find((c) => c.id === 'who-decides')!.data.title).toBe('Who decides what happens to the assets?');
    // One line more in stacks.yaml, every other line as it was (comments included).
    const added = stacksYaml().split('\n');
    expect(added.length).toBe(before.split('\n').length + 1);
    expect(added.filter((line) => line !== '    - who-decides')).toEqual(before.split('\n'));
  });

  // Run after the card above is written: asking for its id again, in another stack, is refused.
  it.each([
    [['nato', 'x-card', 'Why?'], 'new:card: unknown stack "nato" (the stacks are security-guarantees, article-5, frozen-assets, context)'],
    [['context', 'Why_Now', 'Why now?'], 'new:card: card id "Why_Now" must be kebab-case: lower-case letters and digits joined by hyphens, like "european-force"'],
    [['context', 'updates', 'What changed?'], 'new:card: card id "updates" is reserved for one of the site\'s own routes'],
    [['context', 'donbas', 'Why the Donbas?'], 'new:card: card "donbas" already exists: content/explainers/context/donbas.mdx (card ids are unique across stacks)'],
    [['context', 'who-decides', 'Who decides?'], 'new:card: card "who-decides" already exists: content/explainers/frozen-assets/who-decides.mdx (card ids are unique across stacks)'],
    [['context', 'why-now'], 'new:card: missing the question: npm run new:card -- <stack> <card-id> "The reader\'s question?"'],
    [['context', 'why-now', 'Why now'], 'new:card: the question must end with "?": "Why now"'],
    [['context', 'why-now', 'Why', 'now?'], 'new:card: expected the question as one argument, in quotes; usage: npm run new:card -- <stack> <card-id> "The reader\'s question?"'],
    [[], 'new:card: usage: npm run new:card -- <stack> <card-id> "The reader\'s question?"'],
  ])('refuses %j in one line, exit code 1, writing nothing', (args, line) => {
    const before = stacksYaml();
    const run = newCard(...args);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${line}\n`);
    expect(run.stdout).toBe('');
    expect(stacksYaml()).toBe(before);
    expect(existsSync(join(dir, 'content/explainers/context/why-now.mdx'))).toBe(false);
  });

  it('refuses content it cannot read in one line, not a stack trace', () => {
    const bad = mkdtempSync(join(tmpdir(), 'ex-new-card-bad-'));
    try {
      cpSync(join(dir, 'content'), join(bad, 'content'), { recursive: true });
      writeFileSync(join(bad, 'content/data/stacks.yaml'), '- id: context\n  cards: [donbas\n');
      const run = spawnSync(process.execPath, [CLI, 'context', 'why-now', 'Why now?'], { cwd: bad, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^new:card: cannot read the content: [^\n]+\n$/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
