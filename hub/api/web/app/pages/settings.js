import { api, apiOptional } from '../lib/api.js';
import { html, useEffect, useState } from '../lib/html.js';
import { money, when } from '../lib/money.js';

function Status({ status }) {
  if (!status) return null;
  return html`<section aria-labelledby="status-h"><h2 id="status-h">Components</h2>
    <p>Hub ${status.version}: <span class="badge ${status.status === 'ok' ? 'ok' : 'bad'}">${status.status}</span></p>
    <div class="scroll"><table data-testid="components"><thead><tr><th scope="col">Component</th><th scope="col">State</th><th scope="col">Detail</th></tr></thead>
      <tbody>${Object.entries(status.components).map(([name, c]) => html`<tr><td>${name}</td><td><span class="badge ${c.status === 'ok' ? 'ok' : 'bad'}">${c.status}</span></td><td>${c.detail ?? ''}</td></tr>`)}</tbody>
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
    ${issued && html`<div role="status" class="secret"><p>Give these to the device now: the password is not shown again.</p>
      <dl><dt>Broker</dt><dd><code>${mqttUrl}</code></dd><dt>Username</dt><dd><code>${issued.username}</code></dd><dt>Password</dt><dd><code>${issued.password}</code></dd></dl></div>`}
  </form>`;
}

function People({ settings }) {
  if (!settings) return html`<p class="muted">This hub does not expose its users and limits over the API.</p>`;
  const c = settings.commerce;
  return html`<section aria-labelledby="users-h"><h2 id="users-h">Users and limits</h2>
    <p class="muted">Read-only: edit the commerce section of the hub's config file to change them.</p>
    ${c.users.length === 0 ? html`<p class="muted">No users configured.</p>` : html`<table><thead><tr><th scope="col">User</th><th scope="col">Role</th></tr></thead>
      <tbody>${c.users.map((u) => html`<tr><td>${u.name} <span class="muted">(${u.id}${u.id === c.defaultUser ? ', default' : ''})</span></td><td>${u.role}</td></tr>`)}</tbody></table>`}
    <dl class="facts">
      <dt>Per order</dt><dd>${money(c.limits.perOrderCents, c.currency)}</dd>
      <dt>Per month</dt><dd>${money(c.limits.perMonthCents, c.currency)}</dd>
      <dt>PIN</dt><dd>${c.pinRequired ? 'required to confirm orders' : 'not required'}</dd>
      <dt>Quiet hours</dt><dd>${c.quietHours ? `${c.quietHours.start}–${c.quietHours.end}` : 'none'}</dd>
    </dl></section>`;
}

export function SettingsPage() {
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
        <tbody>${credentials.map((c) => html`<tr><td>${c.deviceId}</td><td><code>${c.username}</code></td><td>${when(typeof c.createdAt === 'string' ? Date.parse(c.createdAt) : c.createdAt)}</td>
          <td><button type="button" class="danger" aria-label=${`Revoke ${c.deviceId}`} onClick=${() => revoke(c.deviceId)}>Revoke</button></td></tr>`)}</tbody></table></div>
    </section>
    <${People} settings=${settings} />`;
}
