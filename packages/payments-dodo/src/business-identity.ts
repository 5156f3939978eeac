import type DodoPayments from "dodopayments";
import { callDodo } from "./dodo-client";

/**
 * Answers "is this `business_id` ours?". With a configured id that is the answer; without
 * one, the API key's own business is asked once (its brands name it) and remembered. A failed
 * lookup is not remembered, so the webhook answers non-2xx and Dodo's retry asks again.
 */
export function businessIdentity(
  client: DodoPayments,
  configured: string | undefined,
): (businessId: string) => Promise<boolean> {
  let ours: Promise<ReadonlySet<string>> | undefined = configured
    ? Promise.resolve(new Set([configured]))
    : undefined;
  return async (businessId) => {
    ours ??= callDodo("look up its own business", () => client.brands.list()).then(
      (brands) => new Set(brands.items.map((brand) => brand.business_id)),
    );
    try {
      return (await ours).has(businessId);
    } catch (error) {
      ours = undefined;
      throw error;
    }
  };
}
