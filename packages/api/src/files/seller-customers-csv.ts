import { majorAmount } from "@digistore/core";
import { exportSellerCustomers, type SellerCustomer } from "@digistore/domain-orders";
import type { Context } from "../context";
import { csvFile } from "./csv-file";
import type { StoreFile } from "./store-file";

const COLUMNS = [
  "customer_id",
  "name",
  "email",
  "first_purchase_at",
  "orders",
  "spent",
  "products",
];

// Money never adds up across currencies: "12.50 USD; 9.00 EUR" in one cell.
const cells = (c: SellerCustomer) => [
  c.id,
  c.name,
  c.email,
  c.firstPurchaseAt,
  c.orders,
  c.spent.map((m) => `${majorAmount(m)} ${m.currency}`).join("; "),
  c.products.map((p) => (p.access === "owner" ? p.title : `${p.title} (${p.access})`)).join("; "),
];

/** The seller's customers (the customers page's search) as a streamed, formula-safe CSV. */
export async function sellerCustomersCsvFor(ctx: Context, input: unknown): Promise<StoreFile> {
  return csvFile(ctx, "customers", COLUMNS, exportSellerCustomers(ctx, input), cells);
}
