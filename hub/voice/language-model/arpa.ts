/** Writes a back-off model in the ARPA text format that pocketsphinx (ps_set_lm_file) and most toolkits read. */
import type { BackoffModel } from './backoff-model.js';

export function writeArpa(model: BackoffModel): string {
  const lines = ['\\data\\'];
  model.orders.forEach((entries, i) => lines.push(`ngram ${i + 1}=${entries.size}`));
  model.orders.forEach((entries, i) => {
    lines.push('', `\\${i + 1}-grams:`);
    const highest = i === model.orders.length - 1;
    for (const [words, entry] of entries) {
      const backoff = !highest && entry.logBackoff !== undefined ? `\t${round(entry.logBackoff)}` : '';
      lines.push(`${round(entry.logProb)}\t${words}${backoff}`);
    }
  });
  lines.push('', '\\end\\', '');
  return lines.join('\n');
}

function round(log10: number): string {
  return (Math.round(log10 * 1e4) / 1e4).toFixed(4);
}
