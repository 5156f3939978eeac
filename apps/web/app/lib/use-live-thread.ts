import { useEffect } from "react";
import { isFinalApiError } from "./api-errors";
import { trpc } from "./trpc";
import type { RouterOutputs } from "./trpc-types";

export type LiveThread = RouterOutputs["support"]["thread"];

/** A conversation between people: a few seconds' delay is fine, and it keeps the load small. */
const POLL_MS = 5000;

/** Nobody can write to these any more, so there is nothing to wait for. */
const ENDED = new Set(["closed", "cancelled", "expired"]);

/**
 * The thread as the loader rendered it, then kept current from the browser while the tab is
 * visible (React Query skips interval fetches in a background tab), so the other party's
 * replies appear without a reload.
 */
export function useLiveThread(rendered: LiveThread) {
  const requestId = rendered.request.id;
  const utils = trpc.useUtils();
  // After this page's own action the loader has the newest thread: it replaces the polled copy.
  useEffect(() => {
    utils.support.thread.setData({ requestId }, rendered);
  }, [utils, requestId, rendered]);
  const query = trpc.support.thread.useQuery(
    { requestId },
    {
      initialData: rendered,
      staleTime: POLL_MS,
      refetchInterval: ({ state }) =>
        state.data && !ENDED.has(state.data.request.status) && !isFinalApiError(state.error)
          ? POLL_MS
          : false,
    },
  );
  return { thread: query.data, error: query.error };
}
