/**
 * Domain code speaks in these errors; the API maps each `code` to a transport status in one
 * place, so domain packages never depend on tRPC or HTTP.
 */
export type DomainErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHORIZED"
  | "CONFLICT"
  | "VALIDATION"
  | "PRECONDITION_FAILED"
  | "RATE_LIMITED"
  | "SERVICE_UNAVAILABLE";

export type FieldErrors = Readonly<Record<string, readonly string[]>>;

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
}

export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN";
}

export class UnauthorizedError extends DomainError {
  readonly code = "UNAUTHORIZED";
}

export class ConflictError extends DomainError {
  readonly code = "CONFLICT";
}

export class PreconditionFailedError extends DomainError {
  readonly code = "PRECONDITION_FAILED";
}

export class ValidationError extends DomainError {
  readonly code = "VALIDATION";

  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
    readonly formErrors: readonly string[] = [],
  ) {
    super(message);
  }
}

export class RateLimitedError extends DomainError {
  readonly code = "RATE_LIMITED";

  constructor(
    message: string,
    /** Seconds until the caller may try again; surfaced as `Retry-After`. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class ServiceUnavailableError extends DomainError {
  readonly code = "SERVICE_UNAVAILABLE";

  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
