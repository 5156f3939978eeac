import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import {
  RateLimitedError,
  ServiceUnavailableError,
  ValidationError,
  type DomainError,
  type DomainErrorCode,
  type FieldErrors,
} from "@digistore/core";
import { z } from "zod";

const CODES: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  VALIDATION: "BAD_REQUEST",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

/** The one place a domain error becomes a transport error. */
export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: CODES[error.code], message: error.message, cause: error });
}

export interface ErrorData {
  readonly fieldErrors?: FieldErrors;
  readonly retryAfterSeconds?: number;
}

/** Extra, safe-to-show detail for the client: per-field messages and when to retry. */
export function errorData(cause: unknown): ErrorData {
  if (cause instanceof z.ZodError) {
    return { fieldErrors: z.flattenError(cause).fieldErrors };
  }
  if (cause instanceof ValidationError) return { fieldErrors: cause.fieldErrors };
  if (
    (cause instanceof RateLimitedError || cause instanceof ServiceUnavailableError) &&
    cause.retryAfterSeconds !== undefined
  ) {
    return { retryAfterSeconds: cause.retryAfterSeconds };
  }
  return {};
}

/** Readable message for a zod input failure: the first field problem, not a JSON dump. */
export function inputErrorMessage(cause: z.ZodError): string {
  const issue = cause.issues[0];
  if (!issue) return "Invalid input";
  const path = issue.path.join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Seconds a client should wait, for a `Retry-After` header, when the error says so. */
export function retryAfterOf(error: unknown): number | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof RateLimitedError || cause instanceof ServiceUnavailableError
    ? cause.retryAfterSeconds
    : undefined;
}

/** The HTTP status a domain error maps to, for endpoints outside tRPC (uploads, downloads). */
export function httpStatusOf(error: DomainError): number {
  return getHTTPStatusCodeFromError(toTRPCError(error));
}
