import { describe, expect, it } from 'vitest';
import { formatWyomingUri, parseWyomingUri, wyomingUriSchema } from './uri.js';

describe('Wyoming URIs', () => {
  it('reads tcp://host:port, IPv6 in brackets', () => {
    expect(parseWyomingUri('tcp://192.168.1.20:10300')).toEqual({ host: '192.168.1.20', port: 10300 });
    expect(parseWyomingUri('tcp://whisper.local:10300/')).toEqual({ host: 'whisper.local', port: 10300 });
    expect(parseWyomingUri('tcp://[fd00::2]:10700')).toEqual({ host: 'fd00::2', port: 10700 });
    expect(formatWyomingUri({ host: 'fd00::2', port: 10700 })).toBe('tcp://[fd00::2]:10700');
  });

  it.each([
    'tcp://host',
    'http://host:10300',
    'unix:///run/whisper.sock',
    'tcp://host:0',
    'tcp://host:70000',
    'tcp://ho st:1',
  ])('refuses %s with the expected form', (uri) => {
    expect(parseWyomingUri(uri)).toBeUndefined();
    expect(wyomingUriSchema.safeParse(uri).error?.issues[0]?.message).toMatch(/must be tcp:\/\/host:port/);
  });
});
