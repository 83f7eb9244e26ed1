// The live picture of the home: loaded once over HTTP, then kept current by the event WebSocket.
import { api, savedToken } from './api.js';
import { useEffect, useState } from './html.js';

/** Points kept per device attribute for the state-history chart. */
const HISTORY_POINTS = 120;
const RECENT_EVENTS = 50;

const state = {
  connected: false,
  devices: new Map(),
  areas: [],
  floors: [],
  /** deviceId → attribute → [{at, value}] (numbers, booleans as 0/1). */
  history: new Map(),
  /** Newest first: every event as it arrived, for pages that want a feed. */
  recent: [],
  version: 0,
};
const listeners = new Set();
let socket;
let retryTimer;
let retryMs = 500;
let stopped = true;

function changed() {
  state.version++;
  for (const listener of listeners) listener(state.version);
}

function remember(deviceId, values, at) {
  let perDevice = state.history.get(deviceId);
  if (!perDevice) state.history.set(deviceId, (perDevice = new Map()));
  for (const [key, raw] of Object.entries(values)) {
    const value = typeof raw === 'boolean' ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const points = perDevice.get(key) ?? [];
    points.push({ at, value });
    if (points.length > HISTORY_POINTS) points.splice(0, points.length - HISTORY_POINTS);
    perDevice.set(key, points);
  }
}

function apply(message) {
  const { event, payload, at } = message;
  const when = Date.parse(at) || Date.now();
  state.recent.unshift(message);
  if (state.recent.length > RECENT_EVENTS) state.recent.length = RECENT_EVENTS;
  switch (event) {
    case 'deviceAdded':
    case 'deviceUpdated':
      state.devices.set(payload.device.id, payload.device);
      break;
    case 'deviceRemoved':
      state.devices.delete(payload.deviceId);
      break;
    case 'deviceStateChanged': {
      const device = state.devices.get(payload.deviceId);
      if (device) state.devices.set(device.id, { ...device, state: payload.state });
      remember(payload.deviceId, payload.changed, when);
      break;
    }
    case 'deviceAvailabilityChanged': {
      const device = state.devices.get(payload.deviceId);
      if (device) state.devices.set(device.id, { ...device, available: payload.available });
      break;
    }
  }
  changed();
}

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  socket = new WebSocket(`${scheme}://${location.host}/api/v1/events?token=${encodeURIComponent(savedToken())}`);
  socket.onopen = () => {
    retryMs = 500;
    state.connected = true;
    // Whatever changed while we were away: reload the snapshot once the stream is flowing.
    void reload();
  };
  socket.onmessage = (m) => {
    try {
      apply(JSON.parse(m.data));
    } catch {
      /* a malformed frame is not worth breaking the page for */
    }
  };
  socket.onclose = () => {
    state.connected = false;
    changed();
    if (stopped) return;
    retryTimer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 10_000);
  };
}

export async function reload() {
  const [devices, areas, floors] = await Promise.all([
    api('GET', '/devices'),
    api('GET', '/areas'),
    api('GET', '/floors'),
  ]);
  state.devices = new Map(devices.map((d) => [d.id, d]));
  for (const d of devices) if (!state.history.has(d.id)) remember(d.id, d.state ?? {}, Date.now());
  state.areas = areas;
  state.floors = floors;
  changed();
}

export function startLive() {
  if (!stopped) return;
  stopped = false;
  connect();
}

export function stopLive() {
  stopped = true;
  clearTimeout(retryTimer);
  socket?.close();
}

/** Re-renders the calling component on every change; returns the shared state. */
export function useLive() {
  const [, setVersion] = useState(state.version);
  useEffect(() => {
    listeners.add(setVersion);
    return () => listeners.delete(setVersion);
  }, []);
  return state;
}

/** Calls `handler(message)` for each event named in `names` while the component is mounted. */
export function useHubEvents(names, handler) {
  useEffect(() => {
    let seen = state.recent[0];
    const listener = () => {
      const fresh = [];
      for (const m of state.recent) {
        if (m === seen) break;
        fresh.push(m);
      }
      seen = state.recent[0];
      for (const m of fresh.reverse()) if (names.includes(m.event)) handler(m);
    };
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, [names.join(','), handler]);
}
