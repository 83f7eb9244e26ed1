/**
 * MQTT strings (client id, will topic, username, topic names and filters) must be well-formed UTF-8 without
 * U+0000: "If a Server or Client receives a Control Packet containing ill-formed UTF-8 it MUST close the
 * Network Connection" [MQTT-1.5.3-1], and the same for U+0000 [MQTT-1.5.3-2]. mqtt-packet decodes strings with
 * Buffer#toString, which silently turns bad bytes into U+FFFD, so the check has to see the bytes: this hooks the
 * parser's string step (an internal of mqtt-packet 9, like packet-size-guard.ts) and fails the packet there.
 */
import { isUtf8 } from 'node:buffer';

interface ParserInternals {
  _pos: number;
  _list: { slice(start: number, end: number): Buffer };
  _parseString: (maybeBuffer?: unknown) => string | null;
}

const REPLACEMENT_CHARACTER = '\uFFFD';
const NUL = '\u0000';

/** Returns false when the parser internals are not what we expect (then strings are not checked). */
export function requireWellFormedStrings(client: unknown, onInvalid: (reason: string) => void): boolean {
  const parser = (client as { _parser?: Partial<ParserInternals> })._parser;
  if (!parser || typeof parser._parseString !== 'function' || !parser._list) return false;
  const p = parser as ParserInternals;
  const parseString = p._parseString;
  p._parseString = function checkedParseString(this: ParserInternals, maybeBuffer?: unknown) {
    const start = this._pos + 2; // after the two-byte length prefix (§1.5.3)
    const result = parseString.call(this, maybeBuffer);
    if (result === null) return null;
    // U+FFFD appears when bytes were ill-formed, but may also have been sent well-formed: only then look at the bytes.
    const problem = result.includes(NUL)
      ? 'a string contains U+0000 (MQTT-1.5.3-2)'
      : result.includes(REPLACEMENT_CHARACTER) && !isUtf8(this._list.slice(start, this._pos))
        ? 'a string is not well-formed UTF-8 (MQTT-1.5.3-1)'
        : undefined;
    if (problem === undefined) return result;
    onInvalid(problem);
    return null; // the packet's parser then fails it ("Cannot parse …") and aedes closes the connection
  };
  return true;
}
