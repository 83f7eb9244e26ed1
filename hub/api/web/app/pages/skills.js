import { api, apiOptional } from '../lib/api.js';
import { html, useEffect, useState } from '../lib/html.js';

/** "devices:control:vehicle" may break after its colons on a phone, never inside a word. */
function permissionList(permissions) {
  if (!permissions?.length) return 'none';
  return permissions.flatMap((p, i) => [
    i > 0 ? ', ' : '',
    ...p.split(':').flatMap((part, j) => (j > 0 ? [':', html`<wbr />`, part] : [part])),
  ]);
}

function StoreEntry({ listing, installed, onChanged }) {
  const [preview, setPreview] = useState();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const path = `/skills/store/${encodeURIComponent(listing.id)}`;
  async function run(step) {
    setBusy(true);
    setError('');
    try {
      await step();
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  }
  // The store's listing is only a claim: the hub checks the signature and shows what it would really grant.
  const inspect = () => run(async () => setPreview(await api('POST', `${path}/inspect`, { version: listing.version })));
  const install = () =>
    run(async () => {
      await api('POST', `${path}/install`, { approve: true, version: listing.version });
      setPreview(undefined);
      onChanged();
    });
  const current = installed?.version;
  return html`<li class="card" data-store-skill=${listing.id}>
    <p><strong>${listing.name ?? listing.id}</strong> ${listing.version} <span class="muted">by ${listing.publisher}</span></p>
    ${listing.description && html`<p>${listing.description}</p>`}
    <p class="muted">Permissions: ${permissionList(listing.permissions)} · intents: ${listing.intents.join(', ')}</p>
    ${
      current === listing.version
        ? html`<p><span class="badge ok">installed</span></p>`
        : preview
          ? html`<div role="group" aria-label=${`Approve ${listing.id}`} class="approve">
            <p>Signed by <strong>${preview.publisher}</strong>. Installing grants: <strong>${permissionList(preview.permissions)}</strong>.</p>
            ${preview.collisions?.length > 0 && html`<p class="error">Its sentences collide with installed skills; it cannot be installed from here.</p>`}
            ${preview.builtinOverlaps?.length > 0 && html`<p>Some of its sentences are also built-in ones (such as “${preview.builtinOverlaps[0].example ?? preview.builtinOverlaps[0].sentence}”); this skill will answer those.</p>`}
            <button type="button" disabled=${busy || preview.collisions?.length > 0} onClick=${install}>${busy ? 'Installing…' : 'Grant and install'}</button>
            <button type="button" class="secondary" onClick=${() => setPreview(undefined)}>Cancel</button>
          </div>`
          : html`<button type="button" disabled=${busy} aria-label=${`${current ? 'Update' : 'Install'} ${listing.id}`} onClick=${inspect}>${current ? `Update from ${current}` : 'Install'}</button>`
    }
    ${error && html`<p class="error" role="alert">${error}</p>`}
  </li>`;
}

export function SkillsPage() {
  const [skills, setSkills] = useState([]);
  const [store, setStore] = useState();
  const [error, setError] = useState('');
  const [available, setAvailable] = useState(true);

  async function refresh() {
    try {
      const list = await apiOptional('GET', '/skills');
      if (list === undefined) return setAvailable(false);
      setSkills(list);
      setStore(await apiOptional('GET', '/skills/store'));
    } catch (err) {
      setError(err.message);
    }
  }
  useEffect(() => void refresh(), []);
  async function act(method, path) {
    setError('');
    try {
      await api(method, path);
      await refresh();
    } catch (err) {
      setError(err.message);
    }
  }

  if (!available) return html`<p class="muted">Skills are not wired into this hub.</p>`;
  const byId = new Map(skills.map((s) => [s.id, s]));
  return html`
    ${error && html`<p class="error" role="alert">${error}</p>`}
    <section aria-labelledby="installed-h"><h2 id="installed-h">Installed</h2>
      <div class="scroll"><table data-testid="skills">
        <thead><tr><th scope="col">Skill</th><th scope="col">State</th><th scope="col">Permissions</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>${skills.map(
          (s) => html`<tr data-skill=${s.id}>
          <td><strong>${s.id}</strong> <span data-testid="skill-version">${s.version}</span><br /><span class="muted">${s.builtin ? 'built-in' : s.isolated ? 'installed (isolated)' : 'installed'} · ${(s.intents ?? []).length} ${(s.intents ?? []).length === 1 ? 'intent' : 'intents'}</span></td>
          <td>${
            s.enabled
              ? html`<span class="badge ok">enabled</span>`
              : html`<span class="badge bad">disabled</span>
            <br /><span class="muted" data-testid="disabled-reason">${disabledReason(s)}</span>`
          }</td>
          <td>${permissionList(s.permissions)}</td>
          <td>${!s.enabled && html`<button type="button" class="secondary" onClick=${() => act('POST', `/skills/${encodeURIComponent(s.id)}/enable`)}>Enable</button>`}
            ${!s.builtin && html`<button type="button" class="danger" aria-label=${`Uninstall ${s.id}`} onClick=${() => confirm(`Uninstall ${s.id}? Its stored data goes too.`) && act('DELETE', `/skills/${encodeURIComponent(s.id)}`)}>Uninstall</button>`}</td>
        </tr>`,
        )}</tbody>
      </table></div>
    </section>
    <section aria-labelledby="store-h"><h2 id="store-h">Store</h2>
      ${
        store === undefined || store.url === null
          ? html`<p class="muted">No skill store is set: add <code>skills.storeUrl</code> (a directory or an http(s) URL) to the config to browse and install skills here.</p>`
          : store.skills.length === 0
            ? html`<p class="muted">The store at ${store.url} offers no skills.</p>`
            : html`<ul class="grid">${store.skills.map((l) => html`<${StoreEntry} key=${l.id} listing=${l} installed=${byId.get(l.id)} onChanged=${refresh} />`)}</ul>`
      }
    </section>`;
}

/** Why the hub turned the skill off, and since when. */
function disabledReason(skill) {
  if (!skill.disabled) return skill.lastError ? `Last error: ${skill.lastError.code}: ${skill.lastError.message}` : '';
  return `Turned off ${new Date(skill.disabled.at).toLocaleString()} after ${skill.disabled.reason}.`;
}
