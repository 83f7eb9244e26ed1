/** Device credentials for the embedded broker. Passwords are hashed at rest (scrypt) and shown once. */
export interface DeviceCredential {
  deviceId: string;
  /** The MQTT username; equal to the device id. */
  username: string;
  /** Extra topic filters this device may use besides hearth/<deviceId>/# (e.g. Home Assistant discovery topics). */
  extraTopics: string[];
  createdAt: string;
}

export interface IssuedCredential extends DeviceCredential {
  /** Plain password: returned only when created, never stored. */
  password: string;
}

export interface CredentialService {
  /** Creates (or replaces) the device's credential and returns the new password once. */
  create(deviceId: string, options?: { extraTopics?: string[] }): IssuedCredential;
  list(): DeviceCredential[];
  get(deviceId: string): DeviceCredential | undefined;
  revoke(deviceId: string): void;
  verify(username: string, password: string): boolean;
}
