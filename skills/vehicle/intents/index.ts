/** The vehicle skill's intents: locks, climate, engine, charge, fuel, location. */
import { vehicleGetCharge } from './get-charge.js';
import { vehicleGetFuel } from './get-fuel.js';
import { vehicleGetLocation } from './get-location.js';
import { vehicleGetLockState } from './get-lock-state.js';
import { vehicleLock } from './lock.js';
import { vehicleStartClimate } from './start-climate.js';
import { vehicleStartEngine } from './start-engine.js';
import { vehicleStopEngine } from './stop-engine.js';
import { vehicleUnlock } from './unlock.js';

export const vehicleIntents = {
  VehicleLock: vehicleLock,
  VehicleUnlock: vehicleUnlock,
  VehicleGetLockState: vehicleGetLockState,
  VehicleStartClimate: vehicleStartClimate,
  VehicleStartEngine: vehicleStartEngine,
  VehicleStopEngine: vehicleStopEngine,
  VehicleGetCharge: vehicleGetCharge,
  VehicleGetFuel: vehicleGetFuel,
  VehicleGetLocation: vehicleGetLocation,
};
