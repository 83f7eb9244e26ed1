// Small inline SVG charts: enough to see a trend, with a text alternative for screen readers.
import { html } from './html.js';

const W = 320;
const H = 96;
const PAD = 6;

function extent(values) {
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  return [min, max];
}

/** A line of {at, value} points over time; a step line for 0/1 values such as on/off. */
export function LineChart({ points, label, unit = '', step = false, empty }) {
  if (!points || points.length === 0) return html`<p class="muted">${empty ?? `No ${label} history yet.`}</p>`;
  const xs = points.map((p) => p.at);
  // A single reading starts at the left edge and is drawn flat to the right.
  const [x0, x1] = xs.length > 1 ? [xs[0], xs[xs.length - 1]] : [xs[0], xs[0] + 1];
  const [y0, y1] = extent(points.map((p) => p.value));
  const x = (t) => PAD + ((t - x0) / (x1 - x0 || 1)) * (W - 2 * PAD);
  const y = (v) => H - PAD - ((v - y0) / (y1 - y0)) * (H - 2 * PAD);
  let d = '';
  points.forEach((p, i) => {
    if (i === 0) d += `M${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`;
    else if (step) d += `H${x(p.at).toFixed(1)}V${y(p.value).toFixed(1)}`;
    else d += `L${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (points.length === 1) d += `H${W - PAD}`;
  const last = points[points.length - 1];
  const summary = `${label}: ${points.length} readings, latest ${last.value}${unit}, range ${Math.min(...points.map((p) => p.value))} to ${Math.max(...points.map((p) => p.value))}${unit}`;
  return html`<figure class="chart">
    <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${summary} preserveAspectRatio="none">
      <path d=${d} class="chart-line" />
    </svg>
    <figcaption>${label}: <strong>${last.value}${unit}</strong> <span class="muted">(${y0}–${y1}${unit})</span></figcaption>
  </figure>`;
}

/** Bars with labels underneath, e.g. orders per month. */
export function BarChart({ bars, label, unit = '' }) {
  if (!bars || bars.length === 0) return html`<p class="muted">Nothing to chart for ${label} yet.</p>`;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const width = Math.min((W - 2 * PAD) / bars.length, 36);
  const summary = `${label}: ` + bars.map((b) => `${b.label} ${b.value}${unit}`).join(', ');
  return html`<figure class="chart">
    <svg viewBox="0 0 ${W} ${H + 16}" role="img" aria-label=${summary}>
      ${bars.map((b, i) => {
        const h = ((H - 2 * PAD) * b.value) / max;
        const bx = PAD + i * width + 2;
        return html`<g>
          <rect class="chart-bar" x=${bx} y=${H - PAD - h} width=${Math.max(width - 4, 1)} height=${h}><title>${b.label}: ${b.value}${unit}</title></rect>
          <text class="chart-label" x=${bx + (width - 4) / 2} y=${H + 10} text-anchor="middle">${b.label}</text>
        </g>`;
      })}
    </svg>
    <figcaption>${label}</figcaption>
  </figure>`;
}
