import { listPaymentEvents, reprocessPaymentEvent, requestRefund } from "@digistore/domain-orders";
import { z } from "zod";
import { ordersDeps } from "../deps";
import { router, staffProcedure } from "../procedures";

export const staffPaymentsRouter = router({
  events: staffProcedure
    .input(
      z.object({
        outcome: z.enum(["received", "processed", "unmatched", "failed"]).optional(),
        before: z.string().max(40).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => listPaymentEvents(ordersDeps(ctx), input)),
  reprocess: staffProcedure
    .input(z.object({ id: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => ({
      outcome: await reprocessPaymentEvent(ordersDeps(ctx), input.id),
    })),
  refund: staffProcedure
    .input(
      z.object({
        orderId: z.string().min(1).max(64),
        amount: z.number().int().positive().optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      requestRefund(ordersDeps(ctx), { userId: ctx.user.id, staff: true }, input),
    ),
});
