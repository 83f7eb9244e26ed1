/**
 * A recogniser often adds or drops a final "s" ("bedroom light" is heard as "bedroom lights"; the
 * release of a final t sounds like one). Typed, "the bedroom lights" means every light in the
 * bedroom, as in Home Assistant; heard, a phrase one "s" away from a device's name is taken to be
 * that device, as Alexa and Google do with device names.
 */
export function withSpokenNames(transcript: string, deviceNames: readonly string[]): string {
  const names = new Set(deviceNames.map((n) => n.toLowerCase().trim()).filter(Boolean));
  let text = ` ${transcript} `;
  for (const name of names) {
    const variant = name.endsWith('s') ? (/[^s]s$/.test(name) ? name.slice(0, -1) : undefined) : `${name}s`;
    if (!variant || names.has(variant) || text.includes(` ${name} `)) continue;
    text = text.split(` ${variant} `).join(` ${name} `);
  }
  return text.trim();
}
