export declare const SKILL_API_AREAS: Readonly<Record<string, Readonly<Record<string, number>>>>;
export declare const SKILL_API_FUNCTIONS: Readonly<Record<string, number>>;

export declare function createRemoteContext(
  skillId: string,
  config: Record<string, unknown>,
  now: () => number,
  invoke: (method: string, args: unknown[]) => Promise<unknown>,
): Readonly<Record<string, unknown>>;
