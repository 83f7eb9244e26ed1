import { api, ApiError, saveToken } from '../lib/api.js';
import { html, useState } from '../lib/html.js';

/** Token login. Users in the commerce config have no passwords yet, so the API token is the only key. */
export function LoginPage({ onLogin }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await api('GET', '/status', undefined, { token: token.trim() });
      saveToken(token.trim());
      onLogin();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? 'That token is not right. It is in <dataDir>/api-token on the hub, or in HEARTH_API_TOKEN.' : `Could not reach the hub: ${err.message}`);
    } finally {
      setBusy(false);
    }
  }

  return html`<main class="login" id="main">
    <h1>Hearth</h1>
    <form onSubmit=${submit} class="card">
      <label for="token">API token</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required value=${token} onInput=${(e) => setToken(e.currentTarget.value)} aria-describedby="token-help" />
      <p id="token-help" class="muted">Find it in <code>&lt;dataDir&gt;/api-token</code> on the hub (or <code>hearth status</code>). It is kept only for this browser tab.</p>
      ${error && html`<p class="error" role="alert">${error}</p>`}
      <button type="submit" disabled=${busy}>${busy ? 'Checking…' : 'Log in'}</button>
    </form>
  </main>`;
}
