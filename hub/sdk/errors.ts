/**
 * Every error Hearth reports has a stable code, an HTTP status where it applies,
 * and a message that tells the reader what to do. Codes never change meaning.
 */
export const ErrorCodes = {
  CONFIG_INVALID: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  DEVICE_NOT_FOUND: 404,
  AREA_NOT_FOUND: 404,
  FLOOR_NOT_FOUND: 404,
  CONFLICT: 409,
  /** Another hub runs on the same data directory. */
  DATA_DIR_IN_USE: 409,
  /** The HTTP or MQTT port the hub was told to use is taken by another program. */
  PORT_IN_USE: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  UNSUPPORTED_COMMAND: 422,
  DEVICE_UNAVAILABLE: 503,
  DEVICE_TIMEOUT: 504,
  DEVICE_REJECTED: 502,
  PERMISSION_DENIED: 403,
  PURCHASE_REFUSED: 403,
  CONFIRMATION_REQUIRED: 409,
  SKILL_FAILED: 500,
  SKILL_TIMEOUT: 504,
  MANIFEST_INVALID: 400,
  SIGNATURE_INVALID: 400,
  RECOGNIZER_UNAVAILABLE: 503,
  AUDIO_UNAVAILABLE: 503,
  NOT_UNDERSTOOD: 422,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export interface HubErrorJson {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export class HubError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'HubError';
    this.code = code;
    this.status = ErrorCodes[code];
    if (details !== undefined) this.details = details;
  }

  toJSON(): HubErrorJson {
    const body: HubErrorJson['error'] = { code: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    return { error: body };
  }
}

export function isHubError(value: unknown): value is HubError {
  return value instanceof HubError;
}
