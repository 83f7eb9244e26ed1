import { api, apiOptional } from '../lib/api.js';
import { LineChart } from '../lib/charts.js';
import { html, useCallback, useEffect, useRef, useState } from '../lib/html.js';
import { useHubEvents, useLive } from '../lib/live.js';
import { blobToWav } from '../lib/wav.js';

function totalMs(timings) {
  if (!timings) return undefined;
  if (typeof timings.totalMs === 'number') return timings.totalMs;
  if (typeof timings.total === 'number') return timings.total;
  const values = Object.values(timings).filter((v) => typeof v === 'number');
  return values.length ? values.reduce((a, b) => a + b, 0) : undefined;
}

function normaliseLog(body) {
  const rows = Array.isArray(body) ? body : (body?.entries ?? body?.rows ?? []);
  return rows.map((r) => ({
    at: typeof r.at === 'number' ? r.at : Date.parse(r.at),
    source: r.source ?? 'voice',
    transcript: r.transcript ?? r.text ?? '',
    intent: typeof r.intent === 'string' ? r.intent : r.intent?.name,
    reply: r.reply ?? '',
    timings: r.timings ?? {},
  }));
}

/** The hub's entries win; a live entry is dropped when the hub logged the same words within a few seconds. */
function mergeLogs(hubRows, liveRows) {
  const extra = liveRows.filter(
    (l) => !hubRows.some((h) => h.transcript === l.transcript && Math.abs(h.at - l.at) < 5000),
  );
  return [...hubRows, ...extra].sort((a, b) => b.at - a.at);
}

function Result({ result }) {
  if (!result) return null;
  return html`<div class="card result" role="status" data-testid="utterance-result">
    <p><strong>Reply:</strong> ${result.reply || '(no reply)'}</p>
    <p class="muted">Intent: ${result.intent?.name ?? 'not understood'}${result.skill ? ` · skill ${result.skill}` : ''}${result.transcript !== undefined ? ` · heard “${result.transcript}”` : ''}</p>
    ${result.actions?.length > 0 && html`<p class="muted">Actions: ${result.actions.map((a) => a.type).join(', ')}</p>`}
    ${result.error && html`<p class="error">${result.error.message}</p>`}
  </div>`;
}

function PushToTalk({ area, onResult }) {
  const [recording, setRecording] = useState(false);
  const [error, setError] = useState('');
  const recorder = useRef();
  if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined')
    return html`<p class="muted">Push-to-talk needs a browser with microphone access (HTTPS or localhost).</p>`;

  async function start() {
    setError('');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks = [];
      const rec = new MediaRecorder(stream);
      rec.ondataavailable = (e) => chunks.push(e.data);
      rec.onstop = async () => {
        stream.getTracks().forEach((t) => t.stop());
        try {
          const wav = await blobToWav(new Blob(chunks, { type: rec.mimeType }));
          onResult(await api('POST', `/voice${area ? `?area=${encodeURIComponent(area)}` : ''}`, wav));
        } catch (err) {
          setError(err.message);
        }
      };
      rec.start();
      recorder.current = rec;
      setRecording(true);
    } catch (err) {
      setError(`Microphone not available: ${err.message}`);
    }
  }
  function stop() {
    recorder.current?.stop();
    setRecording(false);
  }
  return html`<div class="row">
    <button type="button" class=${recording ? 'danger' : ''} aria-pressed=${recording} onClick=${recording ? stop : start}>${recording ? 'Stop and send' : 'Talk'}</button>
    ${error && html`<span class="error" role="alert">${error}</span>`}
  </div>`;
}

export function VoicePage() {
  const live = useLive();
  const [text, setText] = useState('');
  const [area, setArea] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState();
  const [error, setError] = useState('');
  const [hubLog, setHubLog] = useState([]);
  const [liveLog, setLiveLog] = useState([]);
  const [hasLog, setHasLog] = useState(true);

  const loadLog = useCallback(
    () =>
      apiOptional('GET', '/voice/log?limit=100')
        .then((body) => (body === undefined ? setHasLog(false) : setHubLog(normaliseLog(body))))
        .catch((err) => setError(err.message)),
    [],
  );
  useEffect(() => void loadLog(), []);
  // Events show every handled command at once; the hub's log (spoken and typed commands, with their timings) is re-read.
  useHubEvents(
    ['utteranceHandled'],
    useCallback(
      ({ payload, at }) => {
        setLiveLog((rows) =>
          [
            {
              at: Date.parse(at),
              source: 'live',
              transcript: payload.text,
              intent: payload.intent?.name,
              reply: payload.reply,
              timings: payload.timings ?? {},
            },
            ...rows,
          ].slice(0, 200),
        );
        if (hasLog) void loadLog();
      },
      [hasLog],
    ),
  );
  const log = mergeLogs(hubLog, liveLog);

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const reply = await api('POST', '/utterances', { text, ...(area ? { area } : {}) });
      setResult(reply);
      setText('');
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  }

  const timed = (rows) =>
    rows
      .filter((r) => totalMs(r.timings) !== undefined)
      .map((r) => ({ at: r.at, value: Math.round(totalMs(r.timings)) }))
      .sort((a, b) => a.at - b.at);
  const spoken = timed(log.filter((r) => r.source !== 'typed'));
  const typed = timed(log.filter((r) => r.source === 'typed'));
  return html`
    <form class="card" onSubmit=${submit}>
      <label for="command">Type a command</label>
      <div class="row">
        <input id="command" name="command" required autocomplete="off" placeholder="turn on the kitchen light" value=${text} onInput=${(e) => setText(e.currentTarget.value)} />
        <label class="sr-only" for="command-area">Area</label>
        <select id="command-area" value=${area} onChange=${(e) => setArea(e.currentTarget.value)}>
          <option value="">any area</option>
          ${live.areas.map((a) => html`<option value=${a.id}>${a.name}</option>`)}
        </select>
        <button type="submit" disabled=${busy}>${busy ? 'Sending…' : 'Send'}</button>
      </div>
      <${PushToTalk} area=${area} onResult=${(r) => {
        setResult(r);
        void loadLog();
      }} />
    </form>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    <${Result} result=${result} />
    <section aria-labelledby="latency-h"><h2 id="latency-h">Latency</h2>
      <${LineChart} points=${spoken} label="spoken command, end to end (hub)" unit=" ms" empty="No voice timings yet: they come with each spoken command." />
      <${LineChart} points=${typed} label="typed command, handled (hub)" unit=" ms" empty="No typed commands yet: type one above, or use hearth say." />
    </section>
    <section aria-labelledby="log-h">
      <h2 id="log-h">Voice log</h2>
      ${!hasLog && html`<p class="muted">This hub keeps no voice log over the API yet; commands handled while this page is open appear here.</p>`}
      <div class="scroll"><table class="log" data-testid="voice-log">
        <thead><tr><th scope="col">When</th><th scope="col">From</th><th scope="col">Heard or typed</th><th scope="col">Intent</th><th scope="col">Reply</th><th scope="col">ms</th></tr></thead>
        <tbody>${log.map(
          (r) => html`<tr data-source=${r.source}>
          <td>${new Date(r.at).toLocaleTimeString()}</td><td>${r.source === 'live' ? '' : r.source}</td><td>${r.transcript}</td><td>${r.intent ?? '—'}</td><td>${r.reply}</td><td>${totalMs(r.timings) !== undefined ? Math.round(totalMs(r.timings)) : ''}</td>
        </tr>`,
        )}</tbody>
      </table></div>
    </section>`;
}
