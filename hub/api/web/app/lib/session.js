// Who is logged in: the API token holder, or a household user with a password (GET /api/v1/session).
import { api } from './api.js';
import { useEffect, useState } from './html.js';

let me;
const listeners = new Set();

export async function loadMe() {
  me = await api('GET', '/session');
  for (const listener of listeners) listener(me);
  return me;
}

export function forgetMe() {
  me = undefined;
}

/** `{kind: 'token'}` or `{kind: 'user', user: {id, name, role}}`; undefined while loading. */
export function useMe() {
  const [value, setValue] = useState(me);
  useEffect(() => {
    listeners.add(setValue);
    if (me === undefined) loadMe().catch(() => undefined);
    return () => listeners.delete(setValue);
  }, []);
  return value;
}

/** May change users, limits, buttons and rules: the API token or an adult (the hub checks again). */
export function canManage(who) {
  return who?.kind === 'token' || who?.user?.role === 'adult';
}
