/**
 * Checks JSON-LD against the schema.org vocabulary and against what each type we use needs.
 *
 * The vocabulary is read from schema-dts's typings (Google's generated schema.org
 * definitions, installed from npm, so no network): for every type, the properties it and its
 * parent types define. A property a type does not have, a type schema.org does not have, an
 * @id that points nowhere in the page's graph, a relative URL or a malformed date is a problem.
 * On top of that, REQUIRED lists what each type we emit must carry (schema.org marks nothing
 * as required; these follow Google's Article, Dataset and Breadcrumb guidelines and our brief).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = { [key: string]: Json };

let vocab: { props: Map<string, Set<string>>; types: Set<string> } | undefined;

/** type name → every property it may carry (its own and inherited). */
export function vocabulary() {
  if (vocab) return vocab;
  const require = createRequire(import.meta.url);
  const dts = readFileSync(require.resolve('schema-dts').replace(/schema\.js$/, 'schema.d.ts'), 'utf8');
  const own = new Map<string, { parents: string[]; props: string[] }>();
  for (const m of dts.matchAll(/^(?:export )?interface (\w+) extends ([^{]+)\{([\s\S]*?)^\}/gm)) {
    const parents = m[2]!.split(',').map((p) => p.trim()).filter((p) => /^\w+$/.test(p));
    const props = [...m[3]!.matchAll(/^\s+"([\w@-]+)"\??:/gm)].map((p) => p[1]!);
    own.set(m[1]!, { parents, props });
  }
  const resolved = new Map<string, Set<string>>();
  const all = (name: string): Set<string> => {
    const hit = resolved.get(name);
    if (hit) return hit;
    const entry = own.get(name);
    const set = new Set<string>(entry?.props ?? []);
    for (const parent of entry?.parents ?? []) for (const p of all(parent)) set.add(p);
    resolved.set(name, set);
    return set;
  };
  const props = new Map<string, Set<string>>();
  // Each type X has an interface XLeaf whose "@type" is "X".
  for (const [name] of own) {
    const m = /^(\w+)Leaf$/.exec(name);
    if (m) props.set(m[1]!, all(name));
  }
  vocab = { props, types: new Set(props.keys()) };
  return vocab;
}

/** What each type we emit must carry. */
export const REQUIRED: Record<string, string[]> = {
  BackgroundNewsArticle: ['headline', 'description', 'datePublished', 'dateModified', 'author', 'publisher', 'image', 'url', 'isBasedOn', 'citation', 'inLanguage'],
  Dataset: ['name', 'description', 'url', 'creator', 'distribution', 'dateModified', 'temporalCoverage'],
  DataDownload: ['encodingFormat', 'contentUrl'],
  BreadcrumbList: ['itemListElement'],
  ListItem: ['position', 'name', 'item'],
  Organization: ['name'],
  WebPage: ['name', 'url', 'description', 'isPartOf'],
  CollectionPage: ['name', 'url', 'description', 'isPartOf'],
  SearchResultsPage: ['name', 'url', 'description', 'isPartOf'],
  WebSite: ['name', 'url', 'publisher'],
  NewsArticle: ['headline', 'url', 'datePublished', 'publisher'],
  CreativeWork: ['name', 'url', 'datePublished', 'publisher'],
  ImageObject: ['url'],
  WebPageElement: ['name', 'url'],
};

const URL_PROPS = new Set(['url', 'item', 'contentUrl', 'image', 'mainEntityOfPage', 'license', 'sameAs']);
const DATE_PROPS = new Set(['datePublished', 'dateModified', 'dateCreated']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))?$/;

const isNode = (v: Json): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every typed node in a JSON-LD document (top level, @graph and nested), with its path. */
export function typedNodes(input: unknown): { node: Node; path: string }[] {
  const doc = input as Json;
  const out: { node: Node; path: string }[] = [];
  const walk = (v: Json, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (isNode(v)) {
      if (typeof v['@type'] === 'string') out.push({ node: v, path });
      for (const [k, x] of Object.entries(v)) if (k !== '@context') walk(x, `${path}.${k}`);
    }
  };
  walk(doc, '$');
  return out;
}

/** Problems with one page's JSON-LD; empty when it is valid. */
export function jsonLdProblems(input: unknown): string[] {
  const doc = input as Json;
  const problems: string[] = [];
  const { props, types } = vocabulary();
  if (!isNode(doc) || doc['@context'] !== 'https://schema.org') problems.push('@context is not https://schema.org');
  const nodes = typedNodes(doc);
  const ids = new Set(nodes.map((n) => n.node['@id']).filter((id): id is string => typeof id === 'string'));
  for (const { node, path } of nodes) {
    const type = node['@type'] as string;
    if (!types.has(type)) {
      problems.push(`${path}: "${type}" is not a schema.org type`);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@')) continue;
      if (!props.get(type)!.has(key)) problems.push(`${path}: ${type} has no property "${key}"`);
      const values = Array.isArray(value) ? value : [value];
      for (const v of values) {
        if (URL_PROPS.has(key) && typeof v === 'string' && !/^https?:\/\//.test(v)) problems.push(`${path}.${key}: "${v}" is not an absolute URL`);
        if (DATE_PROPS.has(key) && (typeof v !== 'string' || !ISO_DATE.test(v))) problems.push(`${path}.${key}: "${String(v)}" is not an ISO 8601 date`);
      }
    }
    // Google Dataset Search ignores a dataset whose description is under 50 or over 5000 characters.
    if (type === 'Dataset' && typeof node.description === 'string' && (node.description.length < 50 || node.description.length > 5000)) {
      problems.push(`${path}: Dataset description is ${node.description.length} characters (50 to 5000)`);
    }
    for (const key of REQUIRED[type] ?? []) {
      const v = node[key];
      if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0 && key !== 'citation')) problems.push(`${path}: ${type} needs "${key}"`);
    }
  }
  // References by @id must land on a node of the same graph.
  const walkRefs = (v: Json, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walkRefs(x, `${path}[${i}]`));
    else if (isNode(v)) {
      if (typeof v['@id'] === 'string' && v['@type'] === undefined && Object.keys(v).length === 1 && !ids.has(v['@id'])) {
        problems.push(`${path}: @id "${v['@id']}" points to no node in the graph`);
      }
      for (const [k, x] of Object.entries(v)) walkRefs(x, `${path}.${k}`);
    }
  };
  walkRefs(doc, '$');
  return problems;
}

/** The node with this @type (first), or undefined. */
export const nodeOfType = (doc: unknown, type: string) => typedNodes(doc as Json).find((n) => n.node['@type'] === type)?.node;
