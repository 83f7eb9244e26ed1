import { join } from 'node:path';
import { loadConfig } from '../../config/load.js';
import { parse, portOption } from '../args.js';
import { EXIT_OK, UsageError, type CliCommand } from '../command.js';
import { stopWhenNpmEnds } from '../launcher.js';
import { withSmallYoungGeneration } from '../young-generation.js';

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'Run the hub (API, MQTT broker, devices) until Ctrl-C',
  usage: `hearth start [--config FILE] [--data-dir DIR] [--http-port N] [--mqtt-port N] [--host ADDR]

  --config FILE    your settings, merged over config/default.yaml (or set HEARTH_CONFIG)
  --data-dir DIR   where the database, API token and broker state live (default ./data)
  --http-port N    API port (0 picks a free one; the real one is written to <data-dir>/hub.json)
  --mqtt-port N    embedded broker port
  --host ADDR      bind address for the API and the broker`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      config: { type: 'string' },
      'data-dir': { type: 'string' },
      'http-port': { type: 'string' },
      'mqtt-port': { type: 'string' },
      host: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const httpPort = portOption(values['http-port'], '--http-port');
    const mqttPort = portOption(values['mqtt-port'], '--mqtt-port');
    const overrides = {
      ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : {}),
      ...(values.host !== undefined ? { host: values.host } : {}),
      ...(httpPort !== undefined ? { httpPort } : {}),
      ...(mqttPort !== undefined ? { mqttPort } : {}),
    };
    const config = loadConfig({
      env: io.env,
      cwd: io.cwd,
      overrides,
      ...(values.config ? { configFile: values.config } : {}),
    });
    // Imported here so `hearth status` and friends do not load the whole hub.
    const { createHub } = await withSmallYoungGeneration(() => import('../../main.js'), io.env);
    const hub = createHub(config, { env: io.env });

    const stopped = new Promise<void>((resolve) => {
      let stopping = false;
      const onSignal = (signal: string) => {
        if (stopping) {
          io.err(`${signal} again: exiting without waiting for the stop to finish`);
          process.exit(130);
        }
        stopping = true;
        io.err(`${signal}: stopping the hub…`);
        hub.stop().finally(() => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          resolve();
        });
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      stopWhenNpmEnds(io.env, () => onSignal('npm ended'));
    });

    const info = await withSmallYoungGeneration(() => hub.start(), io.env);
    io.out(
      `Hearth ${info.version} ready: dashboard ${info.http.url}/ · API ${info.http.url}/api/v1 · MQTT ${info.mqtt.url} · data ${config.dataDir}`,
    );
    io.out(
      `API token (the dashboard's login): ${io.env.HEARTH_API_TOKEN ? 'from HEARTH_API_TOKEN' : join(config.dataDir, 'api-token')} · Ctrl-C stops the hub`,
    );
    await stopped;
    io.err('hub stopped');
    return EXIT_OK;
  },
};
