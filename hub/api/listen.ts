import type { FastifyInstance } from 'fastify';
import { HubError } from '../sdk/errors.js';

/** Starts the API on its address; a port in use (PORT_IN_USE) or an address the machine does not have (CONFIG_INVALID) is one clear line. */
export async function listenApi(app: FastifyInstance, http: { host: string; port: number }): Promise<void> {
  try {
    await app.listen({ host: http.host, port: http.port });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const where = `${http.host}:${http.port}`;
    if (code === 'EADDRINUSE')
      throw new HubError(
        'PORT_IN_USE',
        `http.port: ${where} is already in use (another hub or program listens there); stop it, or pass --http-port N (0 picks a free port)`,
      );
    if (code === 'EACCES')
      throw new HubError(
        'CONFIG_INVALID',
        `http.port: not allowed to listen on ${where} (ports below 1024 need privileges); pass --http-port N above 1024`,
      );
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new HubError(
        'CONFIG_INVALID',
        `http.host: this machine has no address ${http.host}; pass --host 127.0.0.1 (this machine only) or 0.0.0.0 (the network)`,
      );
    throw err;
  }
}
