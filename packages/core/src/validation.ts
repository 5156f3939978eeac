import { z } from "zod";
import { ValidationError } from "./errors";

/**
 * Parses untrusted input at a domain boundary. Failures become a `ValidationError` carrying
 * per-field messages, so every caller (API, CLI, another app) gets the same readable answer.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationErrorFromZod(result.error);
}

function validationErrorFromZod(error: z.ZodError): ValidationError {
  const flat = z.flattenError(error);
  const fieldErrors = flat.fieldErrors as Record<string, string[]>;
  const first = flat.formErrors[0] ?? Object.values(fieldErrors)[0]?.[0];
  return new ValidationError(first ?? "Invalid input", fieldErrors, flat.formErrors);
}

/** Any entity id as it crosses a boundary (ids are UUIDv7; anything else simply finds nothing). */
export const ZId = z.string().trim().min(1, "An id is required.").max(64, "That id is too long.");
