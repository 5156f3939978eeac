import { isDomainError, RateLimitedError, SYSTEM } from "@digistore/core";
import { activateLicense, deactivateLicense, validateLicense } from "@digistore/domain-licenses";
import type { AppServices } from "./context";
import { httpStatusOf } from "./errors";

export const LICENSE_API_OPERATIONS = ["validate", "activate", "deactivate"] as const;
export type LicenseApiOperation = (typeof LICENSE_API_OPERATIONS)[number];

export interface LicenseApiAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly retryAfterSeconds?: number | undefined;
}

const VERBS = {
  validate: validateLicense,
  activate: activateLicense,
  deactivate: deactivateLicense,
} satisfies Record<LicenseApiOperation, unknown>;

/**
 * `POST /api/v1/licenses/<operation>` for a seller's software: JSON in, JSON out, no cookie
 * and no session (the key is the credential), so no browser state can be ridden. Not behind
 * maintenance mode: an installed app must keep starting while the store is being worked on.
 * Errors answer `{ error: { code, message } }` with the matching status.
 */
export async function answerLicenseApi(
  services: Pick<AppServices, "db" | "dialect" | "clock">,
  operation: LicenseApiOperation,
  body: unknown,
  ip: string | undefined,
): Promise<LicenseApiAnswer> {
  const ctx = { ...services, actor: SYSTEM, client: { ip } };
  try {
    const result = await VERBS[operation](ctx, body);
    return { status: 200, body: { ...result } };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return {
      status: httpStatusOf(error),
      body: { error: { code: error.code, message: error.message } },
      retryAfterSeconds: error instanceof RateLimitedError ? error.retryAfterSeconds : undefined,
    };
  }
}
