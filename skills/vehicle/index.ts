/** The car: lock it (unlocking asks for a spoken yes or PIN first), ask whether it is locked, start and warm it, how much charge is left. */
import {
  answerConfirmation,
  askConfirmation,
  confirmSettings,
  defineSkill,
  describeUnavailable,
  isConfirmState,
  type Device,
  type SkillContext,
  type UtteranceInfo,
} from '../../hub/sdk/index.js';
import { needsConfirmation, pendingFor } from '../../device-types/sensitive-commands.js';
import { vehicleIntents } from './intents/index.js';

export default defineSkill({
  id: 'vehicle',
  version: '1.0.0',
  description: 'Locks and unlocks the car, pre-heats it and reports its charge.',
  permissions: ['devices:read', 'devices:control:vehicle', 'devices:unlock', 'pin:verify'],
  intents: vehicleIntents,

  async handle(intent, ctx, utterance) {
    const car = await findCar(ctx, utterance);
    if (!car) return { reply: "I don't know of a car in this household." };
    const name = car.name.toLowerCase();
    // A command to a car that is offline is answered at once, before any question about unlocking it.
    if (!car.available && COMMANDS.has(intent.name)) return { reply: describeUnavailable(car, ctx.now()) };
    const send = async (command: string, params?: Record<string, unknown>) => {
      try {
        await ctx.devices.command(car.id, params ? { command, params } : { command });
        return true;
      } catch (err) {
        if ((err as { code?: string }).code?.startsWith('DEVICE_')) return false;
        throw err;
      }
    };
    // The car did not take the command: it went offline meanwhile, or it is online but did not answer.
    const failed = async () => {
      const latest = await ctx.devices.get(car.id);
      return {
        reply: latest && !latest.available ? describeUnavailable(latest, ctx.now()) : `The ${name} is not responding.`,
      };
    };
    switch (intent.name) {
      case 'VehicleLock':
        return (await send('lock')) ? { reply: `Locked the ${name}.` } : await failed();
      case 'VehicleUnlock': {
        const settings = confirmSettings(ctx.config);
        const unlock = { command: 'unlock' };
        if (needsConfirmation(settings, car, unlock)) return askConfirmation([pendingFor(car, unlock)], settings);
        return (await send('unlock')) ? { reply: `Unlocked the ${name}.` } : await failed();
      }
      case 'VehicleGetLockState':
        if (typeof car.state.locked !== 'boolean') return { reply: `I don't know whether the ${name} is locked.` };
        return { reply: car.state.locked ? `Yes, the ${name} is locked.` : `No, the ${name} is unlocked.` };
      case 'VehicleStartClimate': {
        const temperature = intent.slots.temperature === undefined ? undefined : Number(intent.slots.temperature);
        if (!(await send('engine_start'))) return failed();
        if (!(await send('climate_on', temperature === undefined ? undefined : { temperature }))) return failed();
        return {
          reply:
            temperature === undefined
              ? `Started the ${name} and turned on the climate.`
              : `Started the ${name} and warming it to ${temperature} degrees.`,
        };
      }
      case 'VehicleStartEngine':
        return (await send('engine_start')) ? { reply: `Started the ${name}.` } : await failed();
      case 'VehicleStopEngine':
        return (await send('engine_stop')) ? { reply: `Turned off the ${name}.` } : await failed();
      case 'VehicleGetLocation': {
        const loc = car.state.location as { lat?: unknown; lon?: unknown } | undefined;
        if (typeof loc?.lat !== 'number' || typeof loc.lon !== 'number')
          return { reply: `The ${name} hasn't reported where it is.` };
        return {
          reply: `The ${name} is at ${loc.lat.toFixed(4)}, ${loc.lon.toFixed(4)}.`,
          actions: [{ type: 'location', lat: loc.lat, lon: loc.lon }],
        };
      }
      case 'VehicleGetCharge':
      case 'VehicleGetFuel': {
        const kind = intent.name === 'VehicleGetFuel' || car.state.battery_percent === undefined ? 'fuel' : 'charge';
        const battery = kind === 'charge' ? car.state.battery_percent : car.state.fuel_percent;
        return typeof battery === 'number'
          ? { reply: `The ${name} has ${Math.round(battery)} percent ${kind} left.` }
          : { reply: `The ${name} hasn't reported its ${kind} level.` };
      }
      default:
        return { reply: "I can't do that with the car." };
    }
  },

  async followUp(text, state, ctx) {
    return isConfirmState(state) ? answerConfirmation(text, state, confirmSettings(ctx.config), ctx) : undefined;
  },
});

const COMMANDS = new Set<string>([
  'VehicleLock',
  'VehicleUnlock',
  'VehicleStartClimate',
  'VehicleStartEngine',
  'VehicleStopEngine',
]);

/** The car the sentence named, else the household's first car. */
async function findCar(ctx: SkillContext, utterance: UtteranceInfo): Promise<Device | undefined> {
  const cars = await ctx.devices.list({ type: 'vehicle' });
  return cars.find((c) => utterance.targets.includes(c.id)) ?? cars[0];
}
