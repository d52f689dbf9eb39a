/**
 * A card's MDX body as a syntax tree, and the rules that keep it content rather than code.
 *
 * MDX is a programming language with Markdown on top: a body can import modules, export code,
 * print `{process.env.SECRET}`, place `<script>` or any component, and link to `javascript:`.
 * Editors write cards and partner newsrooms put them inside their own pages, so the content
 * check parses every body with the parser the build renders it with (satteri, which
 * @astrojs/mdx uses) and refuses, with line and column:
 * - `import` / `export` and JavaScript expressions, except a comment (`{/* … *\/}`) and a
 *   literal value in a house component's prop (`eager={true}`);
 * - HTML elements outside a short list of inline text elements, and any attribute on them but
 *   `lang` and `title`;
 * - components that are not house components, and props a house component does not take;
 * - URLs that are not https:, http:, mailto: or a path on the site, in links, link
 *   definitions, images (which must be on the site: no third-party requests) and props.
 *
 * The same tree gives the components a body places (`componentUses`), so the check and the
 * pages read a body the same way.
 */
import { mdxToMdast } from 'satteri';

/** Where something is in a body: 1-based, as editors count. */
export interface BodyPoint {
  line: number;
  column: number;
}

export interface BodyProblem extends BodyPoint {
  /** What is wrong and what to do, as a sentence an editor can act on. */
  message: string;
}

/** The house components an author may place, with the props each takes (and which are ids). */
export const HOUSE_COMPONENTS: Record<string, { props: readonly string[]; children: boolean }> = {
  Chart: { props: ['id', 'eager'], children: false },
  Cite: { props: ['id', 'loc'], children: false },
  Comparison: { props: ['variant'], children: false },
  Layers: { props: ['id'], children: false },
  Quote: { props: ['id'], children: false },
  Timeline: { props: [], children: false },
  Unknown: { props: [], children: true },
  Update: { props: ['date', 'card'], children: true },
  Value: { props: ['id'], children: false },
};

/** Inline text elements a body may use as HTML, and the only attributes they may carry. */
export const ALLOWED_HTML = ['em', 'strong', 'abbr', 'sub', 'sup', 'br', 'span', 'q', 'cite', 'small', 's'] as const;
const ALLOWED_HTML_ATTRS = ['lang', 'title'];

/** How deep blocks and elements may nest: more is a mistake, and deeper trees cost every step after. */
export const MAX_DEPTH = 32;

/** The mdast node shapes this module reads (satteri's are the unified ecosystem's). */
interface Node {
  type: string;
  position?: { start: BodyPoint };
  children?: Node[];
  value?: string;
  url?: string;
  name?: string | null;
  attributes?: Attribute[];
}
interface Attribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
}

export type BodyTree = Node;

export type Parsed = { tree: BodyTree } | { error: BodyProblem };

/** Parse an MDX body (front matter removed), or say where and why it does not parse. */
export function parseCardBody(body: string): Parsed {
  try {
    return { tree: mdxToMdast(body, { features: { gfm: true, frontmatter: false } }) as unknown as Node };
  } catch (e) {
    const message = (e as Error).message;
    const m = /^(\d+):(\d+):\s*([\s\S]*)$/.exec(message);
    const text = (m ? m[3]! : message).replace(/\s*\([a-z-]+:[a-z-]+\)$/, '');
    return { error: { line: m ? Number(m[1]) : 1, column: m ? Number(m[2]) : 1, message: `is not valid MDX: ${text}` } };
  }
}

const parsedBodies = new Map<string, Parsed>();
/** Parse once per distinct body: pages ask for the same cards' components many times. */
export function parsedBody(body: string): Parsed {
  let parsed = parsedBodies.get(body);
  if (!parsed) {
    parsed = parseCardBody(body);
    if (parsedBodies.size > 2000) parsedBodies.clear();
    parsedBodies.set(body, parsed);
  }
  return parsed;
}

/** Every node with its depth, in document order, without recursion (a hostile body can nest deep). */
function* walk(tree: Node): Generator<{ node: Node; depth: number }> {
  const stack: { node: Node; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length) {
    const item = stack.pop()!;
    yield item;
    const children = item.node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: item.depth + 1 });
  }
}

const at = (node: Node): BodyPoint => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });

/** An expression that is only a comment: `/* … *\/`, nothing after it. */
function isOnlyComment(source: string): boolean {
  const s = source.trim();
  if (!s.startsWith('/*')) return false;
  const end = s.indexOf('*/', 2);
  return end !== -1 && s.slice(end + 2).trim() === '';
}

/** A JavaScript literal with no code in it: true, false, null, a number or a quoted string. */
const LITERAL = /^\s*(?:true|false|null|-?\d+(?:\.\d+)?|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*$/;

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const SAFE_SCHEMES = ['https', 'http', 'mailto'];

/**
 * Why a URL is not allowed in a card, or undefined when it is: https:, http:, mailto: or a path
 * on the site ('/x', '#x', 'x/'). Browsers ignore tabs, newlines and leading control characters
 * in a URL ('java\tscript:'), so those are removed before the scheme is read.
 */
export function unsafeUrl(url: string, { siteOnly = false } = {}): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = SCHEME.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme) {
    if (siteOnly) return `"${url}" is not on this site; images come from the site itself (no requests to other sites)`;
    if (!SAFE_SCHEMES.includes(scheme)) return `"${url}" uses the ${scheme}: scheme; links must be https:, http:, mailto: or a path on the site`;
    return undefined;
  }
  if (/^[\\/]{2}/.test(cleaned) || /^\/\\/.test(cleaned)) return `"${url}" leads to another site without saying how; write it in full with https://`;
  return undefined;
}

/** Problems that make a body code rather than content, in document order. */
export function checkCardBody(tree: BodyTree): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const add = (node: Node, message: string) => problems.push({ ...at(node), message });
  let tooDeep = false;
  for (const { node, depth } of walk(tree)) {
    if (depth > MAX_DEPTH && !tooDeep) {
      tooDeep = true;
      add(node, `nests more than ${MAX_DEPTH} levels deep; a card's text is paragraphs, lists and quotes, not a tower of them`);
    }
    switch (node.type) {
      case 'mdxjsEsm':
        add(node, `"${firstWords(node.value)}": a card cannot import or export code; house components need no import, and data goes in content/data/`);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isOnlyComment(node.value ?? '')) add(node, `"{${firstWords(node.value)}}": a card cannot run JavaScript expressions; write the text itself (to show a brace, write \\{)`);
        break;
      case 'link':
      case 'definition': {
        const why = unsafeUrl(node.url ?? '');
        if (why) add(node, `link ${why}`);
        break;
      }
      case 'image':
      case 'imageReference': {
        const why = node.url === undefined ? undefined : unsafeUrl(node.url, { siteOnly: true });
        if (why) add(node, `image ${why}`);
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        problems.push(...checkElement(node));
        break;
      case 'html':
        add(node, 'raw HTML is not allowed in a card');
        break;
    }
  }
  return problems;
}

function checkElement(node: Node): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const add = (message: string) => problems.push({ ...at(node), message });
  const name = node.name ?? '';
  if (!name) {
    add('has an empty <> fragment; write the text without it');
    return problems;
  }
  const house = HOUSE_COMPONENTS[name];
  const isHtml = /^[a-z][a-z0-9]*$/.test(name);
  if (!house && !(isHtml && (ALLOWED_HTML as readonly string[]).includes(name))) {
    add(
      isHtml
        ? `<${name}> is not allowed in a card; the HTML a card may use is ${ALLOWED_HTML.map((n) => `<${n}>`).join(', ')}`
        : `unknown component <${name}>; the components a card may use are ${Object.keys(HOUSE_COMPONENTS).map((n) => `<${n}>`).join(', ')}`,
    );
    return problems;
  }
  const allowedProps = house ? house.props : ALLOWED_HTML_ATTRS;
  for (const attr of node.attributes ?? []) {
    if (attr.type === 'mdxJsxExpressionAttribute') {
      add(`<${name}> has a spread or expression attribute {${firstWords(typeof attr.value === 'string' ? attr.value : '')}}; write each attribute as name="value"`);
      continue;
    }
    const prop = attr.name ?? '';
    if (/^on/i.test(prop)) {
      add(`<${name}> has an event handler "${prop}"; a card cannot run scripts`);
      continue;
    }
    if (!allowedProps.includes(prop)) {
      add(
        allowedProps.length
          ? `<${name}> does not take "${prop}"; it takes ${allowedProps.map((p) => `"${p}"`).join(', ')}`
          : `<${name}> takes no attributes, but has "${prop}"`,
      );
      continue;
    }
    const value = attr.value;
    let text: string | undefined;
    if (value && typeof value === 'object') {
      if (!LITERAL.test(value.value)) {
        add(`<${name} ${prop}={${firstWords(value.value)}}> is an expression; give a plain value, ${prop}="…"`);
        continue;
      }
      text = value.value.trim().replace(/^["']|["']$/g, '');
    } else if (typeof value === 'string') text = value;
    const why = text === undefined ? undefined : unsafeUrl(text);
    if (why && SCHEME.test(text!.replace(/[\u0000-\u0020\u007f]/g, ''))) add(`<${name} ${prop}>: ${why}`);
  }
  if (house && !house.children && (node.children ?? []).length) add(`<${name}> takes no text inside it; close it at once: <${name} … />`);
  return problems;
}

const firstWords = (s: string | undefined) => {
  const one = (s ?? '').replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
};

export interface ComponentUse {
  /** 'Chart', 'Cite', 'Value' … */
  component: string;
  /** The id it names, when it names one. */
  id?: string;
  /** 1-based line in the body. */
  line: number;
  column: number;
  /** Its props as written (plain values only). */
  props: Record<string, string | true>;
}

/** Every house component a parsed body places, in document order. */
export function componentsIn(tree: BodyTree): ComponentUse[] {
  const uses: ComponentUse[] = [];
  for (const { node } of walk(tree)) {
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !node.name || !/^[A-Z]/.test(node.name)) continue;
    const props: Record<string, string | true> = {};
    for (const attr of node.attributes ?? []) {
      if (attr.type !== 'mdxJsxAttribute' || !attr.name) continue;
      props[attr.name] = typeof attr.value === 'string' ? attr.value : attr.value == null ? true : attr.value.value;
    }
    const id = typeof props.id === 'string' ? props.id : undefined;
    uses.push({ component: node.name, id, ...at(node), props });
  }
  return uses;
}

/** The prose of a parsed body: its text nodes with their positions (component props are not text). */
export function textIn(tree: BodyTree): (BodyPoint & { value: string })[] {
  const out: (BodyPoint & { value: string })[] = [];
  for (const { node } of walk(tree)) if (node.type === 'text' && node.value) out.push({ value: node.value, ...at(node) });
  return out;
}
