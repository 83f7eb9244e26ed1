export declare function createRemoteContext(
  skillId: string,
  config: Record<string, unknown>,
  now: () => number,
  invoke: (method: string, args: unknown[]) => Promise<unknown>,
): Readonly<Record<string, unknown>>;
