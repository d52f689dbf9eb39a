/**
 * Finds the components a card's MDX body places, with the id each one names: what the content
 * check resolves, what a card's source list and a chart's home are computed from. A scan of
 * the text (not an MDX parse), so it is cheap enough to run on every body at build start.
 */

export interface ComponentUse {
  /** 'Chart', 'Cite', 'Value' … */
  component: string;
  id: string;
  /** 1-based line in the body. */
  line: number;
}

/** Every component tag (`<Name …>` or `<Name … />`) in an MDX body, with its attribute text. */
const componentTags = (body: string) => [...body.matchAll(/<([A-Z][A-Za-z]*)\b([^>]*?)\/?>/g)].map((m) => ({ component: m[1]!, attrs: m[2]!, index: m.index }));

const ID = /\bid=["']([^"']*)["']/;

/** Every `<Name … id="x" …>` used in an MDX body. */
export function componentUses(body: string): ComponentUse[] {
  const uses: ComponentUse[] = [];
  for (const tag of componentTags(body)) {
    const idMatch = ID.exec(tag.attrs);
    if (!idMatch) continue;
    const line = body.slice(0, tag.index).split('\n').length;
    uses.push({ component: tag.component, id: idMatch[1]!, line });
  }
  return uses;
}

/** The ids of the charts a body places, in order of appearance (repeats kept). */
export const chartIdsIn = (body: string): string[] => componentUses(body).filter((u) => u.component === 'Chart').map((u) => u.id);

/**
 * The components a body places without an id, each once, in order: those that draw a whole data
 * file (<Timeline />, <Comparison />, <Layers />) and wrappers such as <Update>.
 */
export const idlessComponentsIn = (body: string): string[] => [...new Set(componentTags(body).filter((t) => !ID.test(t.attrs)).map((t) => t.component))];
