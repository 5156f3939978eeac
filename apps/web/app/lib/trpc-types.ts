import type { AppRouter } from "@digistore/api";
import type { inferRouterOutputs } from "@trpc/server";

/** What each procedure returns, as the browser receives it (JSON, no transformer). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
