import { isFinalApiError } from "./api-errors";
import { trpc } from "./trpc";
import type { RouterOutputs } from "./trpc-types";

type Order = RouterOutputs["checkout"]["status"];

/** Often enough that "paid" shows within moments of the webhook; a few requests per payment. */
const POLL_MS = 1500;

/**
 * The order as the loader rendered it, then kept current from the browser until the provider's
 * webhook has decided it (pending → paid, failed, …). The page never reloads for it.
 */
export function useLiveOrder(initial: Order) {
  const query = trpc.checkout.status.useQuery(
    { orderId: initial.id },
    {
      initialData: initial,
      staleTime: POLL_MS,
      refetchInterval: ({ state }) =>
        state.data?.status === "pending" && !isFinalApiError(state.error) ? POLL_MS : false,
    },
  );
  return { order: query.data, error: query.error };
}
