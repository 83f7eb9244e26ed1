/**
 * In-memory services for API tests: the household and devices (hub/devices/testing) and a CredentialService.
 * The real ones live in hub/devices and hub/mqtt; these only honour the contracts' error codes.
 */
import { randomBytes } from 'node:crypto';
import type { CredentialService, DeviceCredential, IssuedCredential } from '../../mqtt/contracts.js';

export { MemoryDevices, MemoryHousehold } from '../../devices/testing/memory-services.js';

export class MemoryCredentials implements CredentialService {
  private readonly map = new Map<string, { credential: DeviceCredential; password: string }>();

  create(deviceId: string, options: { extraTopics?: string[] } = {}): IssuedCredential {
    const password = randomBytes(18).toString('base64url');
    const credential: DeviceCredential = {
      deviceId,
      username: deviceId,
      extraTopics: options.extraTopics ?? [],
      createdAt: new Date().toISOString(),
    };
    this.map.set(deviceId, { credential, password });
    return { ...credential, password };
  }
  list(): DeviceCredential[] {
    return [...this.map.values()].map((e) => e.credential);
  }
  get(deviceId: string): DeviceCredential | undefined {
    return this.map.get(deviceId)?.credential;
  }
  revoke(deviceId: string): void {
    this.map.delete(deviceId);
  }
  verify(username: string, password: string): boolean {
    return this.map.get(username)?.password === password;
  }
}
