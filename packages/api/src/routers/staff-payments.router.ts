import {
  listPaymentEvents,
  reprocessPaymentEvent,
  requestRefund,
  ZListPaymentEventsInput,
  ZPaymentEventRef,
  ZRefundInput,
} from "@digistore/domain-orders";
import { router, staffProcedure } from "../procedures";

export const staffPaymentsRouter = router({
  events: staffProcedure
    .input(ZListPaymentEventsInput)
    .query(({ ctx, input }) => listPaymentEvents(ctx, input)),
  reprocess: staffProcedure
    .input(ZPaymentEventRef)
    .mutation(async ({ ctx, input }) => ({ outcome: await reprocessPaymentEvent(ctx, input) })),
  refund: staffProcedure
    .input(ZRefundInput)
    .mutation(({ ctx, input }) => requestRefund(ctx, input)),
});
