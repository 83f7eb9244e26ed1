/** A household's simulated devices run against a test hub, as `hearth-sim` runs them against a real one. */
import type { HouseholdDefinition } from '../../firmware-sim/household.js';
import { runHousehold, type HouseholdRunOptions, type RunningHousehold } from '../../firmware-sim/household-runner.js';
import type { TestHub } from './hub.js';

/** Quiet (no line per device); without a definition, hearth-sim's default household. Stop with `.stop()`. */
export function runHouseholdOn(
  hub: Pick<TestHub, 'runtime' | 'token'>,
  definition?: HouseholdDefinition,
  options: Omit<HouseholdRunOptions, 'hubUrl' | 'token' | 'definition' | 'print'> = {},
): Promise<RunningHousehold> {
  return runHousehold({
    hubUrl: hub.runtime.http.url,
    token: hub.token,
    print: () => undefined,
    ...(definition ? { definition } : {}),
    ...options,
  });
}
