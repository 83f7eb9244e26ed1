/** The car: lock it, ask whether it is locked, start and warm it, how much charge is left. */
import { defineSkill, type Device, type SkillContext } from '../../hub/sdk/index.js';

export default defineSkill({
  id: 'vehicle',
  version: '1.0.0',
  description: 'Locks and unlocks the car, pre-heats it and reports its charge.',
  permissions: ['devices:read', 'devices:control:vehicle'],
  intents: {
    VehicleLock: { sentences: ['lock [the|my] (car|vehicle)'] },
    VehicleUnlock: { sentences: ['unlock [the|my] (car|vehicle)'] },
    VehicleLockStatus: { sentences: ['is [the|my] (car|vehicle) locked', '(did I|have I) lock[ed] [the|my] (car|vehicle)'] },
    VehicleClimateStart: {
      sentences: [
        '(start|warm up|preheat|heat) [the|my] (car|vehicle) [and warm it] [up] [to {temperature} [degrees]]',
        'warm [up] [the|my] (car|vehicle) to {temperature} [degrees]',
      ],
      slots: { temperature: { range: { from: 10, to: 30 } } },
    },
    VehicleCharge: {
      sentences: ["how much (charge|battery|fuel) [is] (left|remaining) [in [the|my] (car|vehicle)]", "what's [the|my] (car|vehicle)['s] (charge|battery) [level]"],
    },
  },

  async handle(intent, ctx) {
    const car = await findCar(ctx);
    if (!car) return { reply: "I don't know of a car in this household." };
    const name = car.name.toLowerCase();
    const send = async (command: string, params?: Record<string, unknown>) => {
      try {
        await ctx.devices.command(car.id, params ? { command, params } : { command });
        return true;
      } catch (err) {
        if ((err as { code?: string }).code?.startsWith('DEVICE_')) return false;
        throw err;
      }
    };
    const silent = { reply: `The ${name} is not responding.` };
    switch (intent.name) {
      case 'VehicleLock':
        return (await send('lock')) ? { reply: `Locked the ${name}.` } : silent;
      case 'VehicleUnlock':
        return (await send('unlock')) ? { reply: `Unlocked the ${name}.` } : silent;
      case 'VehicleLockStatus':
        if (typeof car.state.locked !== 'boolean') return { reply: `I don't know whether the ${name} is locked.` };
        return { reply: car.state.locked ? `Yes, the ${name} is locked.` : `No, the ${name} is unlocked.` };
      case 'VehicleClimateStart': {
        const temperature = intent.slots.temperature === undefined ? undefined : Number(intent.slots.temperature);
        if (!(await send('engine_start'))) return silent;
        if (!(await send('climate_on', temperature === undefined ? undefined : { temperature }))) return silent;
        return { reply: temperature === undefined ? `Started the ${name} and turned on the climate.` : `Started the ${name} and warming it to ${temperature} degrees.` };
      }
      case 'VehicleCharge': {
        const battery = car.state.battery_percent ?? car.state.fuel_percent;
        const kind = car.state.battery_percent !== undefined ? 'charge' : 'fuel';
        return typeof battery === 'number' ? { reply: `The ${name} has ${Math.round(battery)} percent ${kind} left.` } : { reply: `The ${name} hasn't reported its ${kind} level.` };
      }
      default:
        return { reply: "I can't do that with the car." };
    }
  },
});

async function findCar(ctx: SkillContext): Promise<Device | undefined> {
  const cars = await ctx.devices.list({ type: 'vehicle' });
  return cars[0];
}
