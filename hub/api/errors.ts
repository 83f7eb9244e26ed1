import type { FastifyError, FastifyInstance } from 'fastify';
import type { Logger } from '../core/logger.js';
import { HubError, type ErrorCode } from '../sdk/errors.js';

/** Fastify's own client errors (bad JSON, body too large…) mapped onto Hearth's codes. */
function fromFastifyError(error: FastifyError): HubError | undefined {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  const byStatus: Record<number, ErrorCode> = {
    401: 'UNAUTHORIZED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    409: 'CONFLICT',
    413: 'PAYLOAD_TOO_LARGE',
  };
  const code = byStatus[status] ?? 'VALIDATION_FAILED';
  return new HubError(code, `${error.message}. Check the request's method, headers and body.`);
}

/** One error shape for every failure: `{error: {code, message, details?}}`; 500s never leak internals. */
export function installErrorHandling(app: FastifyInstance, log: Logger): void {
  app.setErrorHandler((error: FastifyError | HubError | Error, request, reply) => {
    let hubError: HubError | undefined;
    if (error instanceof HubError) hubError = error;
    else hubError = fromFastifyError(error as FastifyError);
    if (hubError) {
      // fastify's 415 and similar keep their own status; Hearth codes carry theirs.
      const status =
        error instanceof HubError ? hubError.status : ((error as FastifyError).statusCode ?? hubError.status);
      if (status >= 500) log.warn({ code: hubError.code, url: request.url }, hubError.message);
      return reply.status(status).send(hubError.toJSON());
    }
    log.error({ err: error, method: request.method, url: request.url }, 'unexpected error in API route');
    const internal = new HubError(
      'INTERNAL',
      'Internal error; the hub log has the details (search for the request URL).',
    );
    return reply.status(500).send(internal.toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    const err = new HubError(
      'NOT_FOUND',
      `No route ${request.method} ${request.url.split('?')[0]}; see /api/v1/openapi.json for the API.`,
    );
    return reply.status(404).send(err.toJSON());
  });
}
