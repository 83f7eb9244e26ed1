import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';
import { commerceConfigSchema } from './config.js';
import { PurchasePolicy } from './policy.js';

const policy = new PurchasePolicy(
  commerceConfigSchema.parse({
    users: [{ id: 'a', name: 'Ann', role: 'adult' }],
    timeZone: 'UTC',
    quietHours: { start: '22:30', end: '06:00' },
  }),
);
const at = (h: number, m: number) => Date.UTC(2026, 0, 5, h, m);

describe('PurchasePolicy', () => {
  it('knows quiet hours that wrap midnight', () => {
    expect(policy.inQuietHours(at(22, 29))).toBe(false);
    expect(policy.inQuietHours(at(22, 30))).toBe(true);
    expect(policy.inQuietHours(at(3, 0))).toBe(true);
    expect(policy.inQuietHours(at(6, 0))).toBe(false);
  });
  it('refuses unknown users with a reason', () => {
    expect(() =>
      policy.checkWithoutPin({
        userId: 'zed',
        totalCents: 1,
        monthSpentCents: 0,
        now: at(12, 0),
        preauthorised: false,
      }),
    ).toThrow(/not a known household member/);
  });
});

describe('backoffDelay', () => {
  it('doubles, jitters within the upper half, and caps', () => {
    expect(backoffDelay(1, 100, 1000, () => 0)).toBe(50);
    expect(backoffDelay(3, 100, 1000, () => 1)).toBe(400);
    expect(backoffDelay(10, 100, 1000, () => 1)).toBe(1000);
  });
});
