/**
 * Who is asking when a request names nobody: `commerce.defaultUser`. Purchases (the buyer) and the household PIN
 * (whose wrong attempts count) both resolve people with this, so an anonymous "unlock the door" and an anonymous
 * "order coffee" add up under the same person.
 */
export function personAsking(user: string | undefined, defaultUser: string | undefined): string | undefined {
  return user ?? defaultUser;
}
