// The shell: login gate, navigation, hash routes (no server-side routes needed), live connection.
import { api, forgetToken, savedToken } from './lib/api.js';
import { html, render, useEffect, useState } from './lib/html.js';
import { startLive, stopLive, useLive } from './lib/live.js';
import { forgetMe, useMe } from './lib/session.js';
import { LoginPage } from './pages/login.js';
import { HomePage } from './pages/home.js';
import { VoicePage } from './pages/voice.js';
import { OrdersPage } from './pages/orders.js';
import { SkillsPage } from './pages/skills.js';
import { SettingsPage } from './pages/settings.js';
import { AlarmsPage } from './pages/alarms.js';

const PAGES = [
  { id: 'home', title: 'Home', component: HomePage },
  { id: 'voice', title: 'Voice', component: VoicePage },
  { id: 'alarms', title: 'Alarms', component: AlarmsPage },
  { id: 'orders', title: 'Orders', component: OrdersPage },
  { id: 'skills', title: 'Skills', component: SkillsPage },
  { id: 'settings', title: 'Settings', component: SettingsPage },
];

function currentPage() {
  const id = location.hash.replace(/^#\/?/, '').split('/')[0];
  return PAGES.find((p) => p.id === id) ?? PAGES[0];
}

function useRoute() {
  const [page, setPage] = useState(currentPage());
  useEffect(() => {
    const onHash = () => setPage(currentPage());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return page;
}

function Shell({ onLogout }) {
  const page = useRoute();
  const live = useLive();
  const me = useMe();
  useEffect(() => {
    document.title = `${page.title} · Hearth`;
    document.getElementById('main')?.focus();
  }, [page.id]);
  const Page = page.component;
  return html`
    <a class="skip" href="#main" onClick=${(e) => {
      e.preventDefault();
      document.getElementById('main')?.focus();
    }}>Skip to content</a>
    <header class="top">
      <span class="brand">Hearth</span>
      <nav aria-label="Sections">
        ${PAGES.map((p) => html`<a href="#/${p.id}" aria-current=${p.id === page.id ? 'page' : undefined}>${p.title}</a>`)}
      </nav>
      <span class="conn ${live.connected ? 'ok' : 'bad'}" role="status" data-testid="connection">${live.connected ? 'live' : 'reconnecting…'}</span>
      ${me?.kind === 'user' && html`<span class="muted" data-testid="logged-in-as">${me.user.name} (${me.user.role})</span>`}
      <button type="button" class="link" onClick=${() => onLogout(me)}>Log out</button>
    </header>
    <main id="main" tabindex="-1"><h1>${page.title}</h1><${Page} /></main>`;
}

function App() {
  const [authed, setAuthed] = useState(false);
  const [checking, setChecking] = useState(Boolean(savedToken()));

  useEffect(() => {
    // A token kept in this tab's session is tried once; a stale one lands back on the login page.
    if (!savedToken()) return;
    api('GET', '/status')
      .then(() => setAuthed(true))
      .catch(() => forgetToken())
      .finally(() => setChecking(false));
  }, []);
  useEffect(() => {
    const onUnauthorized = () => {
      forgetToken();
      forgetMe();
      setAuthed(false);
    };
    addEventListener('hearth:unauthorized', onUnauthorized);
    return () => removeEventListener('hearth:unauthorized', onUnauthorized);
  }, []);
  useEffect(() => {
    if (!authed) return;
    startLive();
    return stopLive;
  }, [authed]);

  if (checking) return html`<p class="boot">Checking your session…</p>`;
  if (!authed) return html`<${LoginPage} onLogin=${() => setAuthed(true)} />`;
  const logout = async (me) => {
    // A password session is ended on the hub too; the API token simply leaves this tab.
    if (me?.kind === 'user') await api('DELETE', '/session').catch(() => undefined);
    forgetToken();
    forgetMe();
    setAuthed(false);
  };
  return html`<${Shell} onLogout=${logout} />`;
}

const root = document.getElementById('root');
root.textContent = ''; // the static "Loading…" line is not preact's to diff against
render(html`<${App} />`, root);
