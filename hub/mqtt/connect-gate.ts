/**
 * Reads a connection's CONNECT before aedes sees the socket, and has it decided (connect-auth.ts). A refused client
 * gets its CONNACK and the close here, without a broker client, a session or any persistence work, so a flood of
 * bad CONNECTs costs a parse and an HMAC each (about a fifth of what aedes spends on one it accepts to refuse). Only
 * an accepted socket is handed on, with the bytes already read put back in front, so aedes parses the same CONNECT
 * again and its authenticate hook finds the decision made.
 */
import type { Socket } from 'node:net';
import mqttPacket, { type IConnectPacket, type Packet } from 'mqtt-packet';
import { limitPacketSize } from './packet-size-guard.js';
import { requireWellFormedStrings } from './string-guard.js';

export interface GateOptions {
  /** Larger announced packets are refused before their body is buffered. */
  maxPacketBytes: number;
  /** A socket that has not sent a whole CONNECT by then is closed (aedes' connectTimeout did this before). */
  connectTimeoutMs: number;
}

export interface GateHandlers {
  /** Decides the CONNECT: a CONNACK return code to refuse with, 'drop' to close without one, or 'accept'. */
  decide(connect: IConnectPacket): Promise<{ refuse: number } | 'drop' | 'accept'>;
  /** The socket passed: hand it to the broker (its first bytes are back in its read buffer). */
  accepted(socket: Socket): void;
  /** Why a connection was closed before its CONNECT was decided (bad bytes, too large, too slow). */
  invalid(reason: string): void;
}

export function gateConnection(socket: Socket, options: GateOptions, handlers: GateHandlers): void {
  const parser = mqttPacket.parser();
  const received: Buffer[] = [];
  let settled = false;
  const close = (reason: string | undefined) => {
    if (settled) return;
    settled = true;
    cleanup();
    if (reason) handlers.invalid(reason);
    socket.destroy();
  };
  const fake = { _parser: parser };
  limitPacketSize(fake, options.maxPacketBytes, (announced) => close(`packet of ${announced} bytes exceeds the limit`));
  requireWellFormedStrings(fake, (reason) => close(reason));
  const timer = setTimeout(() => close(`no CONNECT within ${options.connectTimeoutMs} ms`), options.connectTimeoutMs);
  const onData = (chunk: Buffer) => {
    received.push(chunk);
    parser.parse(chunk);
  };
  const onPacket = (packet: Packet) => {
    if (settled) return;
    // [MQTT-3.1.0-1]: the first packet from the client must be CONNECT.
    if (packet.cmd !== 'connect') return close(`first packet was ${packet.cmd}, not CONNECT (MQTT-3.1.0-1)`);
    settled = true;
    cleanup();
    socket.pause();
    void handlers.decide(packet).then(
      (decision) => {
        if (socket.destroyed) return;
        if (decision === 'accept') {
          socket.unshift(Buffer.concat(received));
          handlers.accepted(socket);
        } else if (decision === 'drop') {
          socket.destroy();
        } else {
          // [MQTT-3.2.2-5]: a CONNACK with a non-zero return code, then close.
          socket.end(Buffer.from([0x20, 0x02, 0x00, decision.refuse]), () => socket.destroy());
        }
      },
      () => socket.destroy(),
    );
  };
  // Kept after cleanup: the parser may still report an error of the packet it was parsing when the gate closed.
  const onError = (err: Error) => close(`not MQTT: ${err.message}`);
  const onGone = () => close(undefined);
  function cleanup(): void {
    clearTimeout(timer);
    socket.off('data', onData);
    socket.off('close', onGone);
    parser.off('packet', onPacket);
  }
  parser.on('packet', onPacket);
  parser.on('error', onError);
  socket.on('data', onData);
  socket.on('close', onGone);
}
