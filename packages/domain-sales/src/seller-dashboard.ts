import type { Money } from "@digistore/core";
import type { SellerOrderLine } from "@digistore/domain-orders";
import type { SalesFigures } from "./sales-figures";

/** Figures with what the seller kept. */
export interface PeriodFigures extends SalesFigures {
  readonly net: number;
}

export interface CurrencyFigures {
  readonly currency: string;
  /** Product sales, and support sold for them, kept apart. */
  readonly products: { readonly current: PeriodFigures; readonly previous: PeriodFigures };
  readonly support: { readonly current: PeriodFigures; readonly previous: PeriodFigures };
}

export interface SellerDashboard {
  readonly sellerId: string;
  readonly timezone: string;
  readonly from: string;
  readonly to: string;
  readonly previous: { readonly from: string; readonly to: string };
  readonly productId: string | null;
  /** Money never adds up across currencies: one entry each, most sales first. */
  readonly currencies: readonly CurrencyFigures[];
  /** Counts, which do add up across currencies (product orders only). */
  readonly counts: {
    readonly current: {
      readonly sales: number;
      readonly newCustomers: number;
      readonly refundedSales: number;
    };
    readonly previous: {
      readonly sales: number;
      readonly newCustomers: number;
      readonly refundedSales: number;
    };
  };
  readonly daily: {
    readonly dates: readonly string[];
    /** Product sales per day, all currencies. */
    readonly sales: readonly number[];
    readonly net: readonly {
      readonly currency: string;
      readonly products: readonly number[];
      readonly support: readonly number[];
    }[];
  };
  readonly topProducts: readonly {
    readonly productId: string;
    readonly title: string;
    readonly sales: number;
    readonly net: readonly Money[];
  }[];
  readonly recentOrders: readonly SellerOrderLine[];
  readonly openSupportRequests: number;
  /** The seller's products, for the product switch. */
  readonly products: readonly { readonly id: string; readonly title: string }[];
}
