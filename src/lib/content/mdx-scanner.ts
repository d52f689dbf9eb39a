/**
 * The components a card's MDX body places, with the id each one names: what the content check
 * resolves, what a card's source list and a chart's home are computed from. Read from the body's
 * syntax tree (src/lib/content/card-body.ts, the parser the build renders with), parsed once per body.
 */
import { componentsIn, parsedBody } from './card-body';

export interface ComponentUse {
  /** 'Chart', 'Cite', 'Value' … */
  component: string;
  id: string;
  /** 1-based line in the body. */
  line: number;
}

/** The house components a body places; a body that does not parse places none (the content check refuses it). */
const uses = (body: string) => {
  const parsed = parsedBody(body);
  return 'tree' in parsed ? componentsIn(parsed.tree) : [];
};

/** Every `<Name … id="x" …>` used in an MDX body. */
export const componentUses = (body: string): ComponentUse[] =>
  uses(body).flatMap((u) => (u.id === undefined ? [] : [{ component: u.component, id: u.id, line: u.line }]));

/** The ids of the charts a body places, in order of appearance (repeats kept). */
export const chartIdsIn = (body: string): string[] => componentUses(body).filter((u) => u.component === 'Chart').map((u) => u.id);

/**
 * The components a body places without an id, each once, in order: those that draw a whole data
 * file (<Timeline />, <Comparison />, <Layers />) and wrappers such as <Update>.
 */
export const idlessComponentsIn = (body: string): string[] => [...new Set(uses(body).filter((u) => u.id === undefined).map((u) => u.component))];
