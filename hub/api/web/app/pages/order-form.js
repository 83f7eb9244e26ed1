// Two-step purchase: prepare gives a quote that waits in GET /commerce/confirmations; confirming (with the PIN when asked) places it.
import { api } from '../lib/api.js';
import { html, useState } from '../lib/html.js';
import { money } from '../lib/money.js';

/** One quote that waits for yes (and the PIN): from this form, from voice ("Shall I order it?") or another tab. */
export function Pending({ pending, onDone }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const pinId = `pin-${pending.token.slice(0, 8)}`;
  async function act(confirm) {
    setBusy(true);
    setError('');
    try {
      if (confirm)
        await api('POST', `/commerce/confirmations/${encodeURIComponent(pending.token)}`, pin ? { pin } : {});
      else await api('DELETE', `/commerce/confirmations/${encodeURIComponent(pending.token)}`);
      onDone();
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  }
  return html`<li class="card pending" data-testid="pending-confirmation" data-token=${pending.token}>
    <p><strong>${pending.quote.summary}</strong> — ${money(pending.quote.totalCents, pending.quote.currency)}</p>
    <p class="muted">For ${pending.userId}, asked by ${pending.source === 'voice' ? 'voice' : 'the dashboard'}; expires ${new Date(pending.expiresAt).toLocaleTimeString()}</p>
    <form class="row" onSubmit=${(e) => {
      e.preventDefault();
      void act(true);
    }}>
      ${
        pending.pinRequired &&
        html`<label for=${pinId}>PIN</label>
        <input id=${pinId} type="password" inputmode="numeric" autocomplete="off" pattern="[0-9]*" maxlength="8" required value=${pin} onInput=${(e) => setPin(e.currentTarget.value)} />`
      }
      <button type="submit" disabled=${busy}>Confirm order</button>
      <button type="button" class="secondary" disabled=${busy} onClick=${() => act(false)}>Decline</button>
    </form>
    ${error && html`<p class="error" role="alert">${error}</p>`}
  </li>`;
}

/** Asks for a quote; the quote then waits in the page's list of pending confirmations (served by the hub). */
export function OrderForm({ catalog, users, defaultUser, me, onQuoted }) {
  const [sku, setSku] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [user, setUser] = useState(defaultUser ?? '');
  const [error, setError] = useState('');
  const asSelf = me?.kind === 'user';
  const chosenUser = asSelf ? me.user.id : user || defaultUser || users[0]?.id || '';

  async function prepare(event) {
    event.preventDefault();
    setError('');
    try {
      // A logged-in member always buys as themselves; the hub attributes the order from the session.
      const body = {
        lines: [{ sku: sku || catalog[0]?.sku, quantity: Number(quantity) }],
        source: 'api',
        ...(asSelf ? {} : { userId: chosenUser }),
      };
      await api('POST', '/commerce/orders/prepare', body);
      onQuoted();
    } catch (err) {
      setError(err.message);
    }
  }
  return html`<form class="card" onSubmit=${prepare} aria-labelledby="order-h">
      <h2 id="order-h">Order something</h2>
      ${catalog.length === 0 && html`<p class="muted">The catalog is empty: the hub has not reached the marketplace yet.</p>`}
      <div class="row wrap">
        <label for="order-product">Product</label>
        <select id="order-product" value=${sku || catalog[0]?.sku} onChange=${(e) => setSku(e.currentTarget.value)}>
          ${catalog.map((p) => html`<option value=${p.sku}>${p.name} (${money(p.priceCents, p.currency)})</option>`)}
        </select>
        <label for="order-qty">Quantity</label>
        <input id="order-qty" type="number" min="1" max="20" value=${quantity} onInput=${(e) => setQuantity(e.currentTarget.value)} class="narrow" />
        ${
          asSelf
            ? html`<span>For ${me.user.name}</span>`
            : html`<label for="order-user">For</label>
        ${
          users.length > 0
            ? html`<select id="order-user" value=${chosenUser} onChange=${(e) => setUser(e.currentTarget.value)}>${users.map((u) => html`<option value=${u.id}>${u.name} (${u.role})</option>`)}</select>`
            : html`<input id="order-user" required value=${user} onInput=${(e) => setUser(e.currentTarget.value)} class="narrow" />`
        }`
        }
        <button type="submit" disabled=${catalog.length === 0}>Get a quote</button>
      </div>
      ${error && html`<p class="error" role="alert">${error}</p>`}
    </form>`;
}

export function PendingList({ pending, onDone }) {
  return html`<section aria-labelledby="pending-h"><h2 id="pending-h">Waiting for confirmation</h2>
    ${
      pending.length === 0
        ? html`<p class="muted">No quote is waiting for a yes.</p>`
        : html`<ul class="stack">${pending.map((p) => html`<${Pending} key=${p.token} pending=${p} onDone=${onDone} />`)}</ul>`
    }</section>`;
}
