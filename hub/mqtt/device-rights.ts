/**
 * What a device may do as its credential says now, for what is done on its behalf later: a will left with a broker
 * that died, a discovery config it announced, a subscription its persistent session stored. Nothing remembered
 * from its connection is trusted for these.
 */
import {
  deviceIdentity,
  mayPublish,
  maySubscribe,
  usernameOfClientId,
  willProblem,
  type ClientIdentity,
} from './access-control.js';
import type { CredentialService } from './contracts.js';

export class DeviceRights {
  constructor(
    private readonly credentials: Pick<CredentialService, 'get'>,
    private readonly options: { allowAnonymous: boolean; maxPayloadBytes: number },
  ) {}

  /** The rights of a device by username; anonymous ones only while anonymous clients are allowed. */
  identityOf(username: string): ClientIdentity | undefined {
    const credential = username ? this.credentials.get(username) : undefined;
    if (credential) return deviceIdentity(credential);
    return this.options.allowAnonymous ? { kind: 'anonymous' } : undefined;
  }

  /** Why a will stored earlier may not be published now, or undefined. */
  storedWillProblem(will: { topic: string; payload?: Buffer | string; clientId?: string }): string | undefined {
    const clientId = will.clientId ?? '';
    const identity = this.identityOf(usernameOfClientId(clientId));
    if (!identity) return `the will's client "${clientId}" has no credential any more`;
    return willProblem(identity, will, this.options.maxPayloadBytes);
  }

  /** Why a subscription stored for `clientId` (a persistent session) may not be kept, or undefined. */
  subscriptionProblem(clientId: string, topic: string): string | undefined {
    const identity = this.identityOf(usernameOfClientId(clientId));
    if (!identity) return `client "${clientId}" has no credential any more`;
    return maySubscribe(identity, topic)
      ? undefined
      : `subscription "${topic}" is outside the topics of client "${clientId}"`;
  }

  /** Why device `ownerId` may not have announced a discovery config naming one of `topics`, or undefined. */
  announcedTopicsProblem(ownerId: string, topics: string[]): string | undefined {
    const identity = this.identityOf(ownerId);
    if (!identity) return `no device credential "${ownerId}" owns this discovery topic`;
    const outside = topics.find((topic) => !mayPublish(identity, topic));
    return outside === undefined
      ? undefined
      : `config names topic "${outside}", outside the topics of device "${ownerId}" that announced it`;
  }
}
