/**
 * Where a Wyoming peer listens: `tcp://host:port` (the only transport Hearth speaks; the protocol's
 * `unix://` and `stdio://` are for programs started on the same machine). Used by the voice config
 * (`voice.stt.wyoming`, …) and the satellite list, so it lives apart from the rest of the module.
 */
import { z } from 'zod';

export interface WyomingAddress {
  host: string;
  port: number;
}

/** Parses `tcp://host:port` (IPv6 in brackets); undefined when it is not one. */
export function parseWyomingUri(uri: string): WyomingAddress | undefined {
  const match = /^tcp:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})\/?$/.exec(uri.trim());
  if (!match) return undefined;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return undefined;
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

export function formatWyomingUri({ host, port }: WyomingAddress): string {
  return `tcp://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export const wyomingUriSchema = z
  .string()
  .refine(
    (uri) => parseWyomingUri(uri) !== undefined,
    'must be tcp://host:port, e.g. tcp://192.168.1.20:10300 (port 1-65535)',
  );
