/**
 * The `info` answer to `describe`: what Hearth really offers right now. Home Assistant's Wyoming
 * integration reads it with the reference library's `Info.from_event` (every artifact needs `name`,
 * `attribution {name, url}`, `installed`; models need `languages`) and sets up one entity per kind
 * that has an installed program with an installed model: stt (asr), tts, conversation (intent/handle).
 */
export interface HearthCapabilities {
  /** The program name shown in Home Assistant. */
  name: string;
  version: string;
  /** Spoken-command recogniser (`pocketsphinx`, `vosk`, `wyoming`), or undefined when Hearth has none. */
  recognizer: string | undefined;
  /** Languages the household grammar and sentences are written in. */
  languages: string[];
  /** espeak-ng voices offered, or empty when espeak-ng is not installed or replies are not spoken. */
  ttsVoices: string[];
  /** Whether text sent with `transcript` is acted on (Hearth's skills run it). */
  handle: boolean;
}

/** Hearth has no public home page yet; the field is required, so it is left empty rather than invented. */
const HEARTH = { name: 'Hearth', url: '' };
const ENGINES: Record<string, { name: string; url: string }> = {
  pocketsphinx: { name: 'CMU Sphinx', url: 'https://cmusphinx.github.io' },
  vosk: { name: 'Alpha Cephei', url: 'https://alphacephei.com/vosk' },
};
const ESPEAK = { name: 'eSpeak NG', url: 'https://github.com/espeak-ng/espeak-ng' };

function program(name: string, description: string, version: string, installed: boolean) {
  return { name, attribution: HEARTH, installed, description, version };
}

export function buildInfo(caps: HearthCapabilities): Record<string, unknown> {
  const { name, version, languages } = caps;
  const hasAsr = caps.recognizer !== undefined;
  const asr = [
    {
      ...program(name, "Hearth's speech recogniser, limited to the commands this household can give", version, hasAsr),
      models: [
        {
          name: `${caps.recognizer ?? 'none'}-household`,
          attribution: ENGINES[caps.recognizer ?? ''] ?? HEARTH,
          installed: hasAsr,
          description: hasAsr
            ? `${caps.recognizer} on the grammar of the household's devices, areas and skills`
            : 'no speech recogniser is installed on the hub',
          version,
          languages,
        },
      ],
      supports_transcript_streaming: false,
      // Hearth ends on its own VAD in its pipeline, but `transcribe` waits for audio-stop from the client.
      requires_external_vad: true,
      prefers_auto_gain_enabled: true,
      prefers_noise_reduction_enabled: true,
    },
  ];
  const intentModel = {
    name: 'household-intents',
    attribution: HEARTH,
    installed: true,
    description: "Home Assistant intent names from Hearth's sentences",
    version,
    languages,
  };
  const intent = [
    {
      ...program(name, 'Intent recognition with Home Assistant intent and slot names', version, true),
      models: [intentModel],
    },
  ];
  const handle = caps.handle
    ? [
        {
          ...program(name, "Hearth's skills act on the text and answer", version, true),
          models: [
            {
              ...intentModel,
              name: 'household-skills',
              description: 'Devices, orders, timers and media through Hearth',
            },
          ],
          supports_handled_streaming: false,
          supports_home_control: true,
        },
      ]
    : [];
  const tts =
    caps.ttsVoices.length > 0
      ? [
          {
            ...program('espeak-ng', 'Replies spoken with espeak-ng', version, true),
            attribution: ESPEAK,
            voices: caps.ttsVoices.map((voice) => ({
              name: voice,
              attribution: ESPEAK,
              installed: true,
              description: `espeak-ng voice ${voice}`,
              version: null,
              languages: [voiceLanguage(voice)],
            })),
            supports_synthesize_streaming: false,
          },
        ]
      : [];
  return { asr, tts, handle, intent, wake: [], mic: [], snd: [] };
}

/** espeak-ng voice `en-us+m3` → language `en-us`. */
function voiceLanguage(voice: string): string {
  return voice.split('+')[0]!;
}
