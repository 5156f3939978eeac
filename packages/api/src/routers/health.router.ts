import { publicProcedure, router } from "../procedures";

export const healthRouter = router({
  /** Liveness through the whole tRPC stack, without touching the database. */
  ping: publicProcedure.meta({ maintenanceExempt: true }).query(({ ctx }) => ({
    status: "ok" as const,
    time: ctx.clock.now().toISOString(),
  })),
});
