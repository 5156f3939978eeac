import { createCallerFactory, router } from "./procedures";
import { healthRouter } from "./routers/health.router";

export const appRouter = router({
  health: healthRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls (Remix loaders) go through the same procedures, middleware and checks. */
export const createCaller = createCallerFactory(appRouter);
