import { createCallerFactory, router } from "./procedures";
import { accountRouter } from "./routers/account.router";
import { authRouter } from "./routers/auth.router";
import { healthRouter } from "./routers/health.router";
import { staffUsersRouter } from "./routers/staff-users.router";

export const appRouter = router({
  health: healthRouter,
  auth: authRouter,
  account: accountRouter,
  staff: router({ users: staffUsersRouter }),
});

export type AppRouter = typeof appRouter;

/** Server-side calls (Remix loaders) go through the same procedures, middleware and checks. */
export const createCaller = createCallerFactory(appRouter);
