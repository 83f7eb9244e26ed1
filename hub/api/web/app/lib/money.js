export function money(cents, currency) {
  return `${(cents / 100).toFixed(2)} ${currency ?? ''}`.trim();
}
export function when(ms) {
  return ms ? new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' }) : '—';
}
