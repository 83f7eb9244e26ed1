/**
 * aedes has no packet size limit; its mqtt-packet parser buffers a whole packet before emitting it, so a
 * client announcing a 256 MB PUBLISH (the MQTT remaining-length maximum, §2.2.3) could make the hub buffer it.
 * This hooks the parser's remaining-length step (an internal of mqtt-packet 9) and fails the packet as soon as
 * its announced length is over the limit, before any of its body is buffered.
 */
interface ParserInternals {
  packet: { length: number };
  error: Error | null;
  _parseLength: () => boolean;
  _list: { length: number; consume(bytes: number): void };
}

/** Returns false when the parser internals are not what we expect (then only the payload check applies). */
export function limitPacketSize(
  client: unknown,
  maxBytes: number,
  onTooLarge: (announcedBytes: number) => void,
): boolean {
  const parser = (client as { _parser?: Partial<ParserInternals> })._parser;
  if (!parser || typeof parser._parseLength !== 'function' || !parser._list) return false;
  const p = parser as ParserInternals;
  const parseLength = p._parseLength;
  p._parseLength = function guardedParseLength(this: ParserInternals) {
    const complete = parseLength.call(this);
    if (complete && this.packet.length > maxBytes) {
      this.error = new Error(`packet of ${this.packet.length} bytes is over the ${maxBytes} byte limit`);
      this._list.consume(this._list.length);
      onTooLarge(this.packet.length);
      return false;
    }
    return complete;
  };
  return true;
}
