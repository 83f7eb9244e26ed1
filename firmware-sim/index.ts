/** Public surface of the simulated firmware, for the test harness, benches and other tools. */
export {
  defineBehavior,
  rejectCommand,
  type BehaviorContext,
  type BehaviorDefinition,
  type CommandSpec,
  type AnyBehavior,
} from './core/behavior.js';
export { realClock, VirtualClock, type SimClock } from './core/clock.js';
export type { ConnectionOptions } from './core/connection.js';
export { DeviceModel, type ExecuteResult } from './core/device-model.js';
export type { ResponseDelay } from './core/firmware-link.js';
export { createSimLogger, quietLogger, type SimLogger } from './core/logger.js';
export { MALFORMED_KINDS, malformedPayload, type MalformedKind } from './core/malformed.js';
export {
  SimulatedDevice,
  type AckFault,
  type RunnableDevice,
  type SimulatedDeviceOptions,
} from './core/simulated-device.js';
export { deviceKinds, kindNames, type CreateDeviceOptions, type DeviceKind } from './devices/catalog.js';
export { TasmotaPlug } from './devices/tasmota-plug/device.js';
export { household, type HouseholdDefinition, type HouseholdDevice } from './household.js';
export { runHousehold, type HouseholdRunOptions, type RunningHousehold } from './household-runner.js';
export { HubClient } from './hub-client.js';
export { runSimCli } from './cli.js';
