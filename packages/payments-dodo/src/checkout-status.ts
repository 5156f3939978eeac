import { NotFoundError, type default as DodoPayments } from "dodopayments";
import type { IntentStatus } from "dodopayments/resources/payments";
import { callDodo } from "./dodo-client";

export type CheckoutOutcome = "pending" | "succeeded" | "failed" | "unknown";

/** The latest payment attempt's status; no attempt yet (or one in flight) is pending. */
export function checkoutOutcome(status: IntentStatus | null | undefined): CheckoutOutcome {
  if (status === "succeeded") return "succeeded";
  if (status === "failed" || status === "cancelled") return "failed";
  return "pending";
}

/** What Dodo says about a checkout session; `unknown` when Dodo has no such session. */
export async function dodoCheckoutStatus(
  client: DodoPayments,
  checkoutId: string,
): Promise<CheckoutOutcome> {
  try {
    const session = await callDodo("read the checkout session", () =>
      client.checkoutSessions.retrieve(checkoutId),
    );
    return checkoutOutcome(session.payment_status);
  } catch (error) {
    if (error instanceof Error && error.cause instanceof NotFoundError) return "unknown";
    throw error;
  }
}
