// Small inline SVG charts: enough to see a trend, with a text alternative for screen readers.
import { html } from './html.js';

const W = 320;
const H = 96;
const PAD = 6;
/** Line charts: room on the left for the value labels and below for the time labels. */
const PLOT = { left: 40, right: 8, top: 8, bottom: 18, width: 320, height: 120 };

function extent(values) {
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  return [min, max];
}

/** Short value labels: 18.5, 1200, 1.2k. */
function short(value) {
  const abs = Math.abs(value);
  if (abs >= 10_000) return `${Math.round(value / 1000)}k`;
  if (abs >= 100 || Number.isInteger(value)) return String(Math.round(value));
  return value.toFixed(1);
}

/** A time as its span needs it: 14:05 within a day, "6 Dec 14:05" across days. */
function timeLabel(at, spanMs) {
  const d = new Date(at);
  const clock = d.toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    ...(spanMs < 120_000 ? { second: '2-digit' } : {}),
  });
  return spanMs < 86_400_000 ? clock : `${d.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${clock}`;
}

/**
 * A line of {at, value} points over time, with its value range on the left and its first, middle and last times
 * below; a step line labelled off/on for 0/1 values such as on/off.
 */
export function LineChart({ points, label, unit = '', step = false, empty }) {
  if (!points || points.length === 0) return html`<p class="muted">${empty ?? `No ${label} history yet.`}</p>`;
  const xs = points.map((p) => p.at);
  // A single reading starts at the left edge and is drawn flat to the right.
  const [x0, x1] = xs.length > 1 ? [xs[0], xs[xs.length - 1]] : [xs[0], xs[0] + 1];
  const binary = step && points.every((p) => p.value === 0 || p.value === 1);
  const [y0, y1] = binary ? [0, 1] : extent(points.map((p) => p.value));
  const { left, right, top, bottom, width, height } = PLOT;
  const x = (t) => left + ((t - x0) / (x1 - x0 || 1)) * (width - left - right);
  const y = (v) => height - bottom - ((v - y0) / (y1 - y0)) * (height - top - bottom);
  let d = '';
  points.forEach((p, i) => {
    if (i === 0) d += `M${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`;
    else if (step) d += `H${x(p.at).toFixed(1)}V${y(p.value).toFixed(1)}`;
    else d += `L${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (points.length === 1) d += `H${width - right}`;
  const last = points[points.length - 1];
  const span = xs.length > 1 ? x1 - x0 : 0;
  const valueText = (v) => (binary ? (v ? 'on' : 'off') : `${short(v)}${unit.trim()}`);
  const yTicks = binary ? [0, 1] : [y0, (y0 + y1) / 2, y1];
  // First, middle and last time; one label when they would all read the same.
  const xTicks = (
    xs.length > 1
      ? [
          [x0, 'start'],
          [(x0 + x1) / 2, 'middle'],
          [x1, 'end'],
        ]
      : [[x0, 'start']]
  ).filter(([t], i, all) => i === 0 || timeLabel(t, span) !== timeLabel(all[i - 1][0], span));
  const summary = `${label}: ${points.length} readings from ${timeLabel(x0, span)} to ${timeLabel(xs[xs.length - 1], span)}, latest ${last.value}${unit}, range ${Math.min(...points.map((p) => p.value))} to ${Math.max(...points.map((p) => p.value))}${unit}`;
  return html`<figure class="chart">
    <svg viewBox="0 0 ${width} ${height}" role="img" aria-label=${summary}>
      ${yTicks.map(
        (v) => html`<g><line class="chart-grid" x1=${left} x2=${width - right} y1=${y(v)} y2=${y(v)} />
        <text class="chart-label" x=${left - 4} y=${y(v) + 3} text-anchor="end">${valueText(v)}</text></g>`,
      )}
      <line class="chart-axis" x1=${left} x2=${left} y1=${top} y2=${height - bottom} />
      <line class="chart-axis" x1=${left} x2=${width - right} y1=${height - bottom} y2=${height - bottom} />
      ${xTicks.map(([t, anchor]) => html`<text class="chart-label" x=${x(t)} y=${height - 5} text-anchor=${anchor}>${timeLabel(t, span)}</text>`)}
      <path d=${d} class="chart-line" />
    </svg>
    <figcaption>${label}: <strong>${binary ? valueText(last.value) : `${last.value}${unit}`}</strong></figcaption>
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
