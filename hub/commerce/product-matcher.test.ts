import { describe, expect, it } from 'vitest';
import { matchProduct } from './product-matcher.js';
import type { Product } from './types.js';

const product = (sku: string, name: string, aliases: string[]): Product => ({
  sku,
  name,
  aliases,
  priceCents: 100,
  currency: 'EUR',
  packSize: '1',
  category: 'x',
  volumeMl: 1,
  weightG: 1,
  pantryEligible: false,
});
const catalog = [
  product('BEANS', 'Morning Ridge coffee beans', ['coffee', 'coffee beans']),
  product('PODS', 'Capsule coffee pods', ['coffee pods', 'pods']),
  product('SOAP', 'Citrus dish soap', ['dish soap', 'washing up liquid']),
  product('HAND', 'Hand soap refill', ['hand soap']),
  product('TOWEL', 'Strong paper towels', ['paper towels', 'kitchen roll']),
];

describe('matchProduct', () => {
  it('resolves an exact alias', () => {
    const m = matchProduct('more coffee', catalog);
    expect(m.status === 'match' && m.product.sku).toBe('BEANS');
  });
  it('tolerates plurals, filler words and typos', () => {
    const a = matchProduct('two packs of paper towel', catalog);
    expect(a.status === 'match' && a.product.sku).toBe('TOWEL');
    const b = matchProduct('dishsoap', catalog);
    expect(b.status === 'match' && b.product.sku).toBe('SOAP');
    const c = matchProduct('coffe pods', catalog);
    expect(c.status === 'match' && c.product.sku).toBe('PODS');
  });
  it('reports ambiguity with candidates', () => {
    const m = matchProduct('soap', catalog);
    expect(m.status).toBe('ambiguous');
    if (m.status === 'ambiguous') expect(m.candidates.map((p) => p.sku).sort()).toEqual(['HAND', 'SOAP']);
  });
  it('finds nothing for unrelated words', () => {
    expect(matchProduct('garden hose', catalog).status).toBe('none');
  });
});
