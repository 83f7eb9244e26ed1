import { api, apiOptional } from '../lib/api.js';
import { html, useEffect, useState } from '../lib/html.js';
import { ListEditor } from '../lib/list-editor.js';
import { money, when } from '../lib/money.js';
import { canManage, useMe } from '../lib/session.js';

/** ok is good news, off is a choice (no marketplace set), anything else needs a look. */
const badge = (state) => (state === 'ok' ? 'ok' : state === 'off' ? 'off' : 'bad');

function Status({ status }) {
  if (!status) return null;
  return html`<section aria-labelledby="status-h"><h2 id="status-h">Components</h2>
    <p>Hub ${status.version}: <span class="badge ${badge(status.status)}">${status.status}</span></p>
    <div class="scroll"><table class="fit" data-testid="components"><thead><tr><th scope="col">Component</th><th scope="col">State</th><th scope="col">Detail</th></tr></thead>
      <tbody>${Object.entries(status.components).map(([name, c]) => html`<tr><td>${name}</td><td><span class="badge ${badge(c.status)}">${c.status}</span></td><td>${c.detail ?? ''}</td></tr>`)}</tbody>
    </table></div></section>`;
}

function Pairing({ mqttUrl, onChanged }) {
  const [deviceId, setDeviceId] = useState('');
  const [issued, setIssued] = useState();
  const [error, setError] = useState('');
  async function pair(event) {
    event.preventDefault();
    setError('');
    try {
      setIssued(await api('POST', `/devices/${encodeURIComponent(deviceId.trim())}/credentials`, {}));
      onChanged();
    } catch (err) {
      setError(err.message);
    }
  }
  return html`<form class="card" onSubmit=${pair}>
    <label for="pair-id">Device id to pair</label>
    <div class="row"><input id="pair-id" required pattern="[a-z0-9_-]+" value=${deviceId} onInput=${(e) => setDeviceId(e.currentTarget.value)} />
      <button type="submit">Issue credential</button></div>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${
      issued &&
      html`<div role="status" class="secret"><p>Give these to the device now: the password is not shown again.</p>
      <dl><dt>Broker</dt><dd><code>${mqttUrl}</code></dd><dt>Username</dt><dd><code>${issued.username}</code></dd><dt>Password</dt><dd><code>${issued.password}</code></dd></dl></div>`
    }
  </form>`;
}

const USER_FIELDS = [
  { key: 'id', label: 'Id', width: 'narrow' },
  { key: 'name', label: 'Name' },
  { key: 'role', label: 'Role', type: 'select', options: ['adult', 'child'] },
];

function Limits({ settings, canEdit, onSaved }) {
  const c = settings.commerce;
  const [perOrder, setPerOrder] = useState((c.limits.perOrderCents / 100).toFixed(2));
  const [perMonth, setPerMonth] = useState((c.limits.perMonthCents / 100).toFixed(2));
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    setPerOrder((c.limits.perOrderCents / 100).toFixed(2));
    setPerMonth((c.limits.perMonthCents / 100).toFixed(2));
  }, [c.limits.perOrderCents, c.limits.perMonthCents]);
  async function save(event) {
    event.preventDefault();
    setError('');
    setMessage('');
    try {
      await api('PATCH', '/dashboard/settings', {
        limits: {
          perOrderCents: Math.round(Number(perOrder) * 100),
          perMonthCents: Math.round(Number(perMonth) * 100),
        },
      });
      setMessage('Limits saved; the next order is checked against them.');
      onSaved();
    } catch (err) {
      setError(err.message);
    }
  }
  return html`<form class="card" onSubmit=${save} aria-labelledby="limits-h">
    <h3 id="limits-h">Spending limits (${c.currency})</h3>
    <div class="row wrap">
      <span class="field"><label for="limit-order">Per order</label>
        <input id="limit-order" type="number" step="0.01" class="money" required disabled=${!canEdit} value=${perOrder} onInput=${(e) => setPerOrder(e.currentTarget.value)} /></span>
      <span class="field"><label for="limit-month">Per month</label>
        <input id="limit-month" type="number" step="0.01" class="money" required disabled=${!canEdit} value=${perMonth} onInput=${(e) => setPerMonth(e.currentTarget.value)} /></span>
      ${canEdit && html`<button type="submit">Save limits</button>`}
    </div>
    <p class="muted">Now: ${money(c.limits.perOrderCents, c.currency)} per order, ${money(c.limits.perMonthCents, c.currency)} per month. PIN ${c.pinRequired ? 'required to confirm orders' : 'not required'}; quiet hours ${c.quietHours ? `${c.quietHours.start}–${c.quietHours.end}` : 'none'}.</p>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${message && html`<p role="status">${message}</p>`}
  </form>`;
}

function Password({ users, me }) {
  const mine = me?.kind === 'user';
  const [user, setUser] = useState(mine ? me.user.id : (users[0]?.id ?? ''));
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  async function save(event) {
    event.preventDefault();
    setError('');
    setMessage('');
    try {
      await api('PUT', `/users/${encodeURIComponent(user)}/password`, { password });
      setPassword('');
      setMessage(`Password set for ${user}.`);
    } catch (err) {
      setError(err.message);
    }
  }
  return html`<form class="card" onSubmit=${save} aria-labelledby="password-h">
    <h3 id="password-h">${mine ? 'Your password' : 'Set a password'}</h3>
    <div class="row wrap">
      ${
        mine
          ? html`<span>${me.user.name}</span>`
          : html`<span class="field"><label for="password-user">For</label>
        <select id="password-user" value=${user} onChange=${(e) => setUser(e.currentTarget.value)}>${users.map((u) => html`<option value=${u.id}>${u.name}${u.hasPassword ? ' (has one)' : ''}</option>`)}</select></span>`
      }
      <span class="field"><label for="password-new">New password</label>
        <input id="password-new" type="password" autocomplete="new-password" minlength="8" required value=${password} onInput=${(e) => setPassword(e.currentTarget.value)} /></span>
      <button type="submit">Set password</button>
    </div>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${message && html`<p role="status">${message}</p>`}
  </form>`;
}

function People({ settings, me, onSaved }) {
  if (!settings) return html`<p class="muted">This hub does not expose its users and limits over the API.</p>`;
  const c = settings.commerce;
  const canEdit = canManage(me);
  const saveUsers = async (users) => {
    await api('PATCH', '/dashboard/settings', { users });
    onSaved();
  };
  return html`<section aria-labelledby="users-h"><h2 id="users-h">Users and limits</h2>
    ${!canEdit && html`<p class="muted">Only an adult (or the API token) can change users and limits.</p>`}
    <${ListEditor} name="Users" testId="users" rows=${c.users} fields=${USER_FIELDS} blank=${{ id: '', name: '', role: 'adult' }} readOnly=${!canEdit} onSave=${saveUsers} />
    ${c.defaultUser && html`<p class="muted">Buttons and rules buy as ${c.defaultUser} unless they name someone.</p>`}
    <${Limits} settings=${settings} canEdit=${canEdit} onSaved=${onSaved} />
    <${Password} users=${c.users} me=${me} />
  </section>`;
}

export function SettingsPage() {
  const me = useMe();
  const [status, setStatus] = useState();
  const [credentials, setCredentials] = useState([]);
  const [settings, setSettings] = useState();
  const [health, setHealth] = useState();
  const [error, setError] = useState('');
  async function refresh() {
    try {
      const [s, c, h] = await Promise.all([api('GET', '/status'), api('GET', '/credentials'), api('GET', '/health')]);
      setStatus(s);
      setCredentials(c);
      setHealth(h);
      setSettings(await apiOptional('GET', '/dashboard/settings'));
    } catch (err) {
      setError(err.message);
    }
  }
  useEffect(() => void refresh(), []);
  async function revoke(id) {
    if (!confirm(`Revoke the credential of ${id}? It is disconnected at once.`)) return;
    await api('DELETE', `/devices/${encodeURIComponent(id)}/credentials`).then(refresh, (e) => setError(e.message));
  }
  return html`${error && html`<p class="error" role="alert">${error}</p>`}
    <${Status} status=${status} />
    <section aria-labelledby="cred-h"><h2 id="cred-h">Device credentials</h2>
      <${Pairing} mqttUrl=${health?.mqtt?.url ?? ''} onChanged=${refresh} />
      <div class="scroll"><table data-testid="credentials"><thead><tr><th scope="col">Device</th><th scope="col">Username</th><th scope="col">Issued</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>${credentials.map(
          (
            c,
          ) => html`<tr><td>${c.deviceId}</td><td><code>${c.username}</code></td><td>${when(typeof c.createdAt === 'string' ? Date.parse(c.createdAt) : c.createdAt)}</td>
          <td><button type="button" class="danger" aria-label=${`Revoke ${c.deviceId}`} onClick=${() => revoke(c.deviceId)}>Revoke</button></td></tr>`,
        )}</tbody></table></div>
    </section>
    <${People} settings=${settings} me=${me} onSaved=${() => apiOptional('GET', '/dashboard/settings').then(setSettings)} />`;
}
