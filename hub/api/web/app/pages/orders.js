import { api, apiOptional } from '../lib/api.js';
import { BarChart } from '../lib/charts.js';
import { html, useCallback, useEffect, useState } from '../lib/html.js';
import { useHubEvents } from '../lib/live.js';
import { money, when } from '../lib/money.js';
import { ListEditor } from '../lib/list-editor.js';
import { canManage, useMe } from '../lib/session.js';
import { OrderForm, PendingList } from './order-form.js';

/** Attempts and backoff change without an event, so the outbox is re-read this often while shown. */
const OUTBOX_POLL_MS = 4000;

function perMonth(orders) {
  const counts = new Map();
  for (const o of orders) {
    const d = new Date(o.createdAt);
    const key = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(-12)
    .map(([label, value]) => ({ label: label.slice(2), value }));
}

const BUTTON_FIELDS = [
  { key: 'id', label: 'Id', width: 'narrow' },
  { key: 'sku', label: 'SKU' },
  { key: 'quantity', label: 'Quantity', type: 'number', width: 'narrow' },
  { key: 'user', label: 'Buys as', optional: true, width: 'narrow' },
  { key: 'deviceId', label: 'Device', optional: true },
];
const RULE_FIELDS = [
  { key: 'id', label: 'Id', width: 'narrow' },
  { key: 'deviceId', label: 'Device' },
  { key: 'consumable', label: 'Consumable' },
  { key: 'stateKey', label: 'State key', optional: true },
  { key: 'belowPercent', label: 'Below %', type: 'number', width: 'narrow' },
  { key: 'sku', label: 'SKU' },
  { key: 'quantity', label: 'Quantity', type: 'number', width: 'narrow' },
  { key: 'mode', label: 'Mode', type: 'select', options: ['notify', 'auto'] },
  { key: 'user', label: 'Buys as', optional: true, width: 'narrow' },
];

function Buttons({ settings, canEdit, onPressed, onSaved }) {
  const [message, setMessage] = useState('');
  if (!settings) return html`<p class="muted">Buttons and replenishment rules are not exposed by this hub.</p>`;
  const buttons = settings.commerce.buttons;
  async function press(id) {
    try {
      setMessage((await api('POST', `/commerce/buttons/${encodeURIComponent(id)}/press`)).message);
      onPressed();
    } catch (err) {
      setMessage(err.message);
    }
  }
  const save = (section) => async (list) => {
    await api('PATCH', '/dashboard/settings', { [section]: list });
    onSaved();
  };
  return html`<section aria-labelledby="buttons-h"><h2 id="buttons-h">Buttons</h2>
      ${canEdit && buttons.length > 0 && html`<div class="row wrap">${buttons.map((b) => html`<button type="button" class="secondary" onClick=${() => press(b.id)}>Press ${b.id}</button>`)}</div>`}
      ${message && html`<p role="status">${message}</p>`}
      <${ListEditor} name="Buttons" testId="buttons" rows=${buttons} fields=${BUTTON_FIELDS} blank=${{ id: '', sku: '', quantity: 1 }} readOnly=${!canEdit} onSave=${save('buttons')} />
    </section>
    <section aria-labelledby="rules-h"><h2 id="rules-h">Replenishment rules</h2>
      <p class="muted">When a device reports a consumable below the level, the hub notifies or (auto) orders.</p>
      <${ListEditor} name="Replenishment rules" testId="rules" rows=${settings.commerce.replenishment} fields=${RULE_FIELDS} blank=${{ id: '', deviceId: '', consumable: '', belowPercent: 20, sku: '', quantity: 1, mode: 'notify' }} readOnly=${!canEdit} onSave=${save('replenishment')} />
    </section>`;
}

export function OrdersPage() {
  const [orders, setOrders] = useState([]);
  const [outbox, setOutbox] = useState([]);
  const [catalog, setCatalog] = useState([]);
  const [settings, setSettings] = useState();
  const [error, setError] = useState('');
  const [available, setAvailable] = useState(true);
  const [pending, setPending] = useState([]);
  const me = useMe();

  const refresh = useCallback(async () => {
    try {
      const [o, b, c] = await Promise.all([
        apiOptional('GET', '/commerce/orders?limit=500'),
        apiOptional('GET', '/commerce/outbox'),
        apiOptional('GET', '/commerce/confirmations'),
      ]);
      if (o === undefined) return setAvailable(false);
      setOrders(o.orders);
      setOutbox(b?.rows ?? []);
      setPending(c?.confirmations ?? []);
    } catch (err) {
      setError(err.message);
    }
  }, []);
  useEffect(() => {
    void refresh();
    apiOptional('GET', '/commerce/catalog')
      .then((c) => setCatalog(c?.products ?? []))
      .catch(() => undefined);
    apiOptional('GET', '/dashboard/settings')
      .then(setSettings)
      .catch(() => undefined);
    const timer = setInterval(refresh, OUTBOX_POLL_MS);
    return () => clearInterval(timer);
  }, []);
  // A spoken "order more coffee" leaves a quote waiting; its utteranceHandled event is the cue to look.
  useHubEvents(
    ['orderChanged', 'utteranceHandled'],
    useCallback(() => void refresh(), []),
  );
  const reloadSettings = () => apiOptional('GET', '/dashboard/settings').then(setSettings);

  if (!available) return html`<p class="muted">Ordering is not wired into this hub.</p>`;
  const users = settings?.commerce?.users ?? [];
  return html`
    ${error && html`<p class="error" role="alert">${error}</p>`}
    <${OrderForm} catalog=${catalog} users=${users} defaultUser=${settings?.commerce?.defaultUser} me=${me} onQuoted=${refresh} />
    <${PendingList} pending=${pending} onDone=${refresh} />
    <section aria-labelledby="orders-h"><h2 id="orders-h">Orders</h2>
      <${BarChart} bars=${perMonth(orders)} label="Orders per month" />
      ${
        orders.length === 0
          ? html`<p class="muted">No orders yet.</p>`
          : html`<div class="scroll"><table data-testid="orders">
        <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Total</th><th scope="col">By</th><th scope="col">Status</th></tr></thead>
        <tbody>${orders.map(
          (
            o,
          ) => html`<tr data-order=${o.id}><td>${when(o.createdAt)}</td><td>${o.lines.map((l) => `${l.quantity} × ${l.name}`).join(', ')}</td>
          <td>${money(o.totalCents, o.currency)}</td><td>${o.userId} (${o.source})</td><td><span class="badge status-${o.status}">${o.status}</span>${o.cancelRequested ? ' (cancel requested)' : ''}</td></tr>`,
        )}</tbody>
      </table></div>`
      }
    </section>
    <section aria-labelledby="outbox-h"><h2 id="outbox-h">Outbox</h2>
      <button type="button" class="secondary" onClick=${() => api('POST', '/commerce/sync').then(refresh, (e) => setError(e.message))}>Send now</button>
      ${
        outbox.length === 0
          ? html`<p class="muted">The outbox is empty.</p>`
          : html`<div class="scroll"><table data-testid="outbox">
        <thead><tr><th scope="col">#</th><th scope="col">Order</th><th scope="col">Operation</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col">Next try</th><th scope="col">Last error</th></tr></thead>
        <tbody>${outbox.map(
          (
            r,
          ) => html`<tr data-order=${r.orderId}><td>${r.seq}</td><td><code title=${r.orderId}>${r.orderId.slice(0, 8)}</code></td><td>${r.op}</td><td>${r.state}</td><td>${r.attempts}</td>
          <td>${r.state === 'pending' ? when(r.nextAttemptAt) : '—'}</td><td>${r.lastError ?? ''}</td></tr>`,
        )}</tbody>
      </table></div>`
      }
    </section>
    <${Buttons} settings=${settings} canEdit=${canManage(me)} onPressed=${refresh} onSaved=${reloadSettings} />`;
}
