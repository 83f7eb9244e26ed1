import { describe, expect, it } from 'vitest';
import { hubLocationOptions, parse } from './args.js';
import { UsageError } from './command.js';

describe('parse', () => {
  it('takes a value that starts with "-" for a string option (generated API tokens can)', () => {
    const { values } = parse(['--token', '-Xb9_token', '--url', 'http://127.0.0.1:8080'], hubLocationOptions);
    expect(values.token).toBe('-Xb9_token');
    expect(values.url).toBe('http://127.0.0.1:8080');
  });

  it('still reads a known flag after a string option as a flag, and says which option lacks its value', () => {
    expect(() => parse(['--token', '--json'], hubLocationOptions)).toThrow(UsageError);
    expect(parse(['--json', '--token=abc'], hubLocationOptions).values).toEqual({ json: true, token: 'abc' });
  });

  it('refuses unknown flags', () => {
    expect(() => parse(['--bogus'], hubLocationOptions)).toThrow(/bogus/);
  });

  it('leaves everything after "--" as positionals', () => {
    expect(parse(['--', '--token', 'x'], hubLocationOptions).positionals).toEqual(['--token', 'x']);
  });
});
