/** The components an author can write in a card without importing them. */
import Chart from './Chart.astro';
import Cite from './Cite.astro';
import Comparison from './Comparison.astro';
import Layers from './Layers.astro';
import Quote from './Quote.astro';
import Timeline from './Timeline.astro';
import Unknown from './Unknown.astro';
import Update from './Update.astro';
import Value from './Value.astro';

export const mdxComponents = { Chart, Cite, Comparison, Layers, Quote, Timeline, Unknown, Update, Value };
