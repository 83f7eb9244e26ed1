// An editable table for a list setting (users, buttons, replenishment rules): edit cells, add and remove rows,
// then save the whole list at once. Fields the table does not show are kept as they were.
import { html, useEffect, useState } from './html.js';

/**
 * As wide as what it holds (never cut off, "coffee-button" stays whole), growing while typing; `width: 'narrow'`
 * fields start smaller. Padding and the number spinner come on top of the characters.
 */
function fit(field, value) {
  const least = field.type === 'number' ? 4 : field.width === 'narrow' ? 8 : 14;
  const chars = Math.max(least, String(value ?? '').length + 1);
  return `width: calc(${chars}ch + ${field.type === 'number' ? '2.8rem' : '1.4rem'})`;
}

/** `fields`: [{key, label, type?: 'text'|'number'|'select', options?, optional?, width?}]. */
export function ListEditor({ name, rows, fields, onSave, readOnly, blank, testId }) {
  const [draft, setDraft] = useState(rows);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(rows), [rows]);

  const edit = (i, key, value) => setDraft((list) => list.map((row, j) => (j === i ? { ...row, [key]: value } : row)));
  function cleaned() {
    return draft.map((row) => {
      const out = { ...row };
      for (const f of fields) {
        const raw = out[f.key];
        if (raw === '' || raw === undefined) {
          if (f.optional) delete out[f.key];
          else out[f.key] = f.type === 'number' ? undefined : '';
        } else if (f.type === 'number') out[f.key] = Number(raw);
      }
      return out;
    });
  }
  async function save(event) {
    event.preventDefault();
    setBusy(true);
    setError('');
    setSaved('');
    try {
      await onSave(cleaned());
      setSaved(`${name} saved.`);
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  }
  const cell = (row, i, f) => {
    const id = `${testId}-${i}-${f.key}`;
    const label = `${f.label} of row ${i + 1}`;
    if (readOnly) return html`<td>${String(row[f.key] ?? '')}</td>`;
    if (f.type === 'select')
      return html`<td><select id=${id} aria-label=${label} value=${row[f.key] ?? ''} onChange=${(e) => edit(i, f.key, e.currentTarget.value)}>
        ${f.optional && html`<option value="">—</option>`}${f.options.map((o) => html`<option value=${o}>${o}</option>`)}</select></td>`;
    return html`<td><input id=${id} aria-label=${label} type=${f.type === 'number' ? 'number' : 'text'} step="any" style=${fit(f, row[f.key])}
      required=${!f.optional} value=${row[f.key] ?? ''} onInput=${(e) => edit(i, f.key, e.currentTarget.value)} /></td>`;
  };
  return html`<form onSubmit=${save} aria-label=${`Edit ${name.toLowerCase()}`}>
    <div class="scroll"><table data-testid=${testId}>
      <thead><tr>${fields.map((f) => html`<th scope="col">${f.label}</th>`)}${!readOnly && html`<th scope="col"><span class="sr-only">Actions</span></th>`}</tr></thead>
      <tbody>${draft.map(
        (row, i) => html`<tr data-row=${row.id ?? i}>${fields.map((f) => cell(row, i, f))}
        ${!readOnly && html`<td><button type="button" class="danger" aria-label=${`Remove row ${i + 1} (${row.id || 'new'})`} onClick=${() => setDraft((list) => list.filter((_, j) => j !== i))}>Remove</button></td>`}</tr>`,
      )}</tbody>
    </table></div>
    ${draft.length === 0 && html`<p class="muted">None yet.</p>`}
    ${
      !readOnly &&
      html`<div class="row">
      <button type="button" class="secondary" onClick=${() => setDraft((list) => [...list, { ...blank }])}>Add ${name.toLowerCase().replace(/s$/, '')}</button>
      <button type="submit" disabled=${busy}>Save ${name.toLowerCase()}</button></div>`
    }
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${saved && html`<p role="status">${saved}</p>`}
  </form>`;
}
