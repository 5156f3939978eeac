import type { z } from "zod";
import { DodoApiError } from "./errors";

/** Parses a request body or query; failures answer 422 naming the first offending field. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  throw new DodoApiError(
    422,
    "INVALID_REQUEST_BODY",
    `Invalid request: ${where}${issue?.message ?? "malformed input"}`,
  );
}
