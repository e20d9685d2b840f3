/** A small bar chart of reads per hour, drawn as SVG on the server: no script, readable by screen readers. */
import { type SafeHtml, html } from '../../domain/html.js';
import { countOf } from '../../domain/text.js';

const WIDTH = 480;
const HEIGHT = 120;
const LABEL_SPACE = 16;

export function readsChart(hours: { label: string; reads: number }[]): SafeHtml {
  const max = Math.max(1, ...hours.map((h) => h.reads));
  const total = hours.reduce((sum, h) => sum + h.reads, 0);
  const slot = WIDTH / Math.max(1, hours.length);
  const plot = HEIGHT - LABEL_SPACE;
  return html`<svg class="reads-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${total} reads over the last ${hours.length} hours, at most ${max} in one hour">
  ${hours.map((h, i) => {
    const barHeight = Math.round((h.reads / max) * (plot - 4));
    return html`<rect x="${(i * slot + 1).toFixed(1)}" y="${plot - barHeight}" width="${(slot - 2).toFixed(1)}" height="${barHeight}" fill="#1d3557"><title>${h.label}: ${countOf(h.reads, 'read')}</title></rect>`;
  })}
  ${hours
    .map((h, i) => ({ h, i }))
    .filter(({ i }) => i % 6 === 0)
    .map(({ h, i }) => html`<text x="${(i * slot + 1).toFixed(1)}" y="${HEIGHT - 3}" font-size="11" fill="#555">${h.label}</text>`)}
</svg>`;
}
