/** The ordering intents' slots: how many, and the product as said (the catalog resolves it). */
export const ORDER_SLOTS = { quantity: { list: 'quantity' }, product: { list: 'product' } } as const;
