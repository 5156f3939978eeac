import {
  getSellerCustomer,
  getSellerOrder,
  listSellerCustomers,
  listSellerOrders,
  requestRefund,
  ZListSellerCustomersInput,
  ZListSellerOrdersInput,
  ZSellerCustomerRef,
  ZSellerOrderRef,
  ZSellerRefundInput,
} from "@digistore/domain-orders";
import { router, sellerProcedure } from "../procedures";

/**
 * A seller's own orders. Another seller's order is NOT_FOUND. A refund only asks the provider:
 * access changes when the provider's refund event arrives, through the webhook as always.
 */
export const sellerOrdersRouter = router({
  list: sellerProcedure
    .input(ZListSellerOrdersInput)
    .query(({ ctx, input }) => listSellerOrders(ctx, input)),
  get: sellerProcedure.input(ZSellerOrderRef).query(({ ctx, input }) => getSellerOrder(ctx, input)),
  refund: sellerProcedure
    .input(ZSellerRefundInput)
    .mutation(({ ctx, input }) => requestRefund(ctx, input)),
});

/** Everyone who paid the seller, with what they spent and hold. Others' customers: NOT_FOUND. */
export const sellerCustomersRouter = router({
  list: sellerProcedure
    .input(ZListSellerCustomersInput)
    .query(({ ctx, input }) => listSellerCustomers(ctx, input)),
  get: sellerProcedure
    .input(ZSellerCustomerRef)
    .query(({ ctx, input }) => getSellerCustomer(ctx, input)),
});
