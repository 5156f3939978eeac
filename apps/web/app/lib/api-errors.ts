import { TRPCClientError } from "@trpc/client";

/** The tRPC error code of a failed browser call, or null for network trouble. */
function apiErrorCode(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  return typeof data === "object" && data !== null && "code" in data ? String(data.code) : null;
}

/**
 * Errors that another try will not fix (logged out, not yours, bad input): stop polling for
 * them. Maintenance (SERVICE_UNAVAILABLE) and network trouble pass, so polling resumes by itself.
 */
export function isFinalApiError(error: unknown): boolean {
  const code = apiErrorCode(error);
  return (
    code === "UNAUTHORIZED" ||
    code === "FORBIDDEN" ||
    code === "NOT_FOUND" ||
    code === "BAD_REQUEST" ||
    code === "PAYLOAD_TOO_LARGE"
  );
}

/** What to tell the user when a live update failed; the page itself still shows what it had. */
export function liveUpdateProblem(error: unknown): string {
  const code = apiErrorCode(error);
  // The server words these for people: maintenance notices and input validation.
  if ((code === "SERVICE_UNAVAILABLE" || code === "BAD_REQUEST") && error instanceof Error)
    return error.message;
  if (code === "UNAUTHORIZED") return "Your session has ended. Log in again to see updates.";
  if (code === null) return "Could not reach the store. Retrying…";
  return "This part of the page stopped updating. Refresh the page to try again.";
}
