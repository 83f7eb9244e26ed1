import { api, ApiError, saveToken } from '../lib/api.js';
import { html, useState } from '../lib/html.js';

function useSubmit(onLogin) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function run(attempt, wrongMessage) {
    setBusy(true);
    setError('');
    try {
      saveToken(await attempt());
      onLogin();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(wrongMessage);
      else if (err instanceof ApiError && err.status === 429) setError(err.message);
      else setError(`Could not reach the hub: ${err.message}`);
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run };
}

function PasswordLogin({ onLogin }) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, run } = useSubmit(onLogin);
  const submit = (event) => {
    event.preventDefault();
    void run(
      async () => (await api('POST', '/session', { user: user.trim(), password }, { token: '' })).token,
      'That user and password do not match. A user gets a password in Settings, from someone logged in with the API token.',
    );
  };
  return html`<form onSubmit=${submit} class="card" aria-labelledby="login-user-h">
    <h2 id="login-user-h">Household member</h2>
    <label for="login-user">User</label>
    <input id="login-user" name="username" autocomplete="username" required value=${user} onInput=${(e) => setUser(e.currentTarget.value)} />
    <label for="login-password">Password</label>
    <input id="login-password" name="password" type="password" autocomplete="current-password" required value=${password} onInput=${(e) => setPassword(e.currentTarget.value)} />
    ${error && html`<p class="error" role="alert">${error}</p>`}
    <button type="submit" disabled=${busy}>${busy ? 'Checking…' : 'Log in with password'}</button>
  </form>`;
}

function TokenLogin({ onLogin }) {
  const [token, setToken] = useState('');
  const { error, busy, run } = useSubmit(onLogin);
  const submit = (event) => {
    event.preventDefault();
    void run(async () => {
      await api('GET', '/status', undefined, { token: token.trim() });
      return token.trim();
    }, "That token is not right. It is the file api-token in the hub's data folder (data/api-token where the hub was started), or HEARTH_API_TOKEN.");
  };
  return html`<form onSubmit=${submit} class="card" aria-labelledby="login-token-h">
    <h2 id="login-token-h">Hub owner</h2>
    <label for="token">API token</label>
    <input id="token" name="token" type="password" autocomplete="off" required value=${token} onInput=${(e) => setToken(e.currentTarget.value)} aria-describedby="token-help" />
    <p id="token-help" class="muted">It is the file <code>api-token</code> in the hub's data folder: <code>cat data/api-token</code> where the hub was started. <code>hearth status</code> and the hub's ready line say where.</p>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    <button type="submit" disabled=${busy}>${busy ? 'Checking…' : 'Log in'}</button>
  </form>`;
}

/** Two ways in: a household member's password (their role applies) or the API token (everything). Kept only for this tab. */
export function LoginPage({ onLogin }) {
  return html`<main class="login" id="main">
    <h1>Hearth</h1>
    <div class="stack">
      <${PasswordLogin} onLogin=${onLogin} />
      <${TokenLogin} onLogin=${onLogin} />
    </div>
  </main>`;
}
