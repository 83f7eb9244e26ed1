/**
 * A hub in a child process whose clock the test moves (JumpClock), for tests that SIGKILL the hub between
 * alarms. Run by `spawnJumpClockHub` (hub.ts): the config comes as JSON in HEARTH_CHILD_CONFIG, the clock's start
 * in HEARTH_CHILD_CLOCK (epoch ms). Over IPC: `{advance: ms}` → `{now}`; once started it sends `{ready: runtime}`.
 */
import { parseConfig } from '../../hub/config/load.js';
import { silentLogger } from '../../hub/core/logger.js';
import { createHub } from '../../hub/main.js';
import { JumpClock } from './jump-clock.js';

const config = parseConfig(JSON.parse(process.env.HEARTH_CHILD_CONFIG ?? '{}'));
const clock = new JumpClock(Number(process.env.HEARTH_CHILD_CLOCK ?? Date.now()));
const hub = createHub(config, { clock, log: silentLogger, env: {} });

process.on('message', (message: { advance?: number }) => {
  if (typeof message.advance === 'number') {
    clock.advance(message.advance);
    process.send?.({ now: clock.now() });
  }
});
process.on('SIGTERM', () => void hub.stop().then(() => process.exit(0)));

const runtime = await hub.start();
process.send?.({ ready: runtime, token: hub.token(), now: clock.now() });
