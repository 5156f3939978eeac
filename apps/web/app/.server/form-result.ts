import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { data } from "@remix-run/node";
import { z } from "zod";

/** What a form action hands back to its page when the API said no. */
export interface FormFailure {
  readonly ok: false;
  readonly formError: string;
  readonly fieldErrors: Record<string, string[]>;
  readonly status: number;
  readonly retryAfterSeconds?: number;
}

function fieldErrorsOf(cause: unknown): Record<string, string[]> {
  if (cause instanceof z.ZodError) return z.flattenError(cause).fieldErrors;
  if (cause && typeof cause === "object" && "fieldErrors" in cause) {
    return { ...(cause.fieldErrors as Record<string, string[]>) };
  }
  return {};
}

/**
 * Runs an API call for a form action: success gives the value, an API refusal gives the
 * message, per-field errors and the HTTP status the page should answer with. Anything else
 * is a bug and is rethrown.
 */
export async function attempt<T>(
  call: () => Promise<T>,
): Promise<{ ok: true; value: T } | FormFailure> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR") throw error;
    const fieldErrors = fieldErrorsOf(error.cause);
    const firstField = Object.values(fieldErrors)[0]?.[0];
    const retry =
      error.cause && typeof error.cause === "object" && "retryAfterSeconds" in error.cause
        ? Number(error.cause.retryAfterSeconds)
        : undefined;
    return {
      ok: false,
      formError:
        error.cause instanceof z.ZodError
          ? (firstField ?? "Check the highlighted fields.")
          : error.message,
      fieldErrors,
      status: getHTTPStatusCodeFromError(error),
      ...(retry === undefined ? {} : { retryAfterSeconds: retry }),
    };
  }
}

export function formString(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** The action's answer for a refusal: the failure (plus page extras) with its status and Retry-After. */
export function failed<E extends object = Record<never, never>>(failure: FormFailure, extra?: E) {
  const headers: Record<string, string> = failure.retryAfterSeconds
    ? { "Retry-After": String(failure.retryAfterSeconds) }
    : {};
  return data({ ...failure, ...(extra as E) }, { status: failure.status, headers });
}

/** A refusal decided by the page itself (e.g. two passwords that differ), shaped like the API's. */
export function formFailure(message: string, field?: string): FormFailure {
  return {
    ok: false,
    formError: message,
    fieldErrors: field ? { [field]: [message] } : {},
    status: 400,
  };
}
