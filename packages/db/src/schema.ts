/**
 * Hand-written table types: the contract between migrations and repositories. Portability rules
 * (docs/decisions/0001-portable-data.md): text ids made by the app, timestamps as ISO 8601 UTC
 * text, booleans as 0/1 integers, money as integer minor units, JSON as zod-validated text.
 */

import type { Generated } from "kysely";

export interface SiteSettingsTable {
  key: string;
  /** JSON text; each owner validates its own value with zod on read. */
  value: string;
  updated_at: string;
  updated_by: string | null;
}

/** 0/1: booleans are integers on every engine. */
export type Flag = 0 | 1;

export type SaleEmails = "each" | "daily" | "off";

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  email_verified_at: string | null;
  is_customer: Flag;
  is_seller: Flag;
  is_staff: Flag;
  seller_terms_accepted_at: string | null;
  disabled_at: string | null;
  /** IANA zone the person's reports count days in; the seller dashboard's days. */
  timezone: Generated<string>;
  /** A seller's "you made a sale" emails: one per sale, a daily digest, or none. */
  sale_emails: Generated<SaleEmails>;
  /** The last local day (YYYY-MM-DD) a daily digest covered. */
  sale_digest_through: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the session token; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export type UserTokenPurpose = "verify_email" | "reset_password";

export interface UserTokensTable {
  /** SHA-256 (hex) of the emailed token. */
  id: string;
  user_id: string;
  purpose: UserTokenPurpose;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_started_at: string;
  hits: number;
}

export type OutboxStatus = "pending" | "sent" | "failed";

export interface EmailOutboxTable {
  id: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface CategoriesTable {
  id: string;
  slug: string;
  name: string;
  position: number;
  hidden: Flag;
  created_at: string;
  updated_at: string;
}

export type ProductStatus = "draft" | "published" | "archived";

export interface ProductsTable {
  id: string;
  seller_id: string;
  slug: string;
  title: string;
  summary: string;
  /** Markdown source; rendered with raw HTML disabled. */
  description: string;
  price_amount: number;
  currency: string;
  /** Null: this product offers no paid support. */
  support_price_amount: number | null;
  /** 1: the buyer chooses the amount, at least `price_amount`. */
  pay_what_you_want: Flag;
  /** What the amount box starts at when paying what you want; null: the minimum. */
  suggested_price_amount: number | null;
  category_id: string | null;
  cover_key: string | null;
  featured: Flag;
  status: ProductStatus;
  current_version_id: string | null;
  sales_count: number;
  /** Moves only when a new version replaces a previous one: drives the "Updated" badge. */
  content_updated_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProductVersionsTable {
  id: string;
  product_id: string;
  label: string;
  changelog: string;
  file_key: string;
  file_name: string;
  file_size: number;
  content_type: string;
  sha256: string;
  created_at: string;
}

export type OrderKind = "product" | "support";
export type OrderStatus =
  | "pending"
  | "paid"
  | "failed"
  | "cancelled"
  | "expired"
  | "refunded"
  | "partially_refunded"
  | "disputed";

export interface OrdersTable {
  id: string;
  user_id: string;
  /** The product's seller, kept on the order for the seller's own lists. */
  seller_id: string;
  product_id: string;
  kind: OrderKind;
  /** Snapshot at checkout: later price changes never touch an order. */
  amount: number;
  currency: string;
  status: OrderStatus;
  refunded_amount: number;
  provider: string;
  provider_checkout_id: string | null;
  provider_payment_id: string | null;
  billing_country: string;
  /** JSON text, optional. */
  billing_address: string | null;
  created_at: string;
  updated_at: string;
  paid_at: string | null;
  expires_at: string;
  /** The discount code the order was placed with, as the buyer's receipt shows it. */
  discount_code: string | null;
}

export interface PurchasedProductsTable {
  id: string;
  user_id: string;
  product_id: string;
  order_id: string;
  created_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  suspended_at: string | null;
}

export type PaymentEventOutcome = "received" | "processed" | "unmatched" | "failed";

export interface PaymentEventsTable {
  id: string;
  provider: string;
  event_id: string;
  type: string;
  order_id: string | null;
  /** The normalised event as JSON (the provider's raw payload is inside it). */
  payload: string;
  occurred_at: string;
  received_at: string;
  processed_at: string | null;
  outcome: PaymentEventOutcome;
  error: string | null;
}

export interface DownloadsTable {
  id: string;
  user_id: string;
  product_id: string;
  version_id: string;
  created_at: string;
  ip: string | null;
  user_agent: string | null;
  range_start: number | null;
}

export interface ProviderProductsTable {
  provider: string;
  product_id: string;
  kind: OrderKind;
  provider_product_id: string;
  amount: number;
  currency: string;
  name: string;
  /** 1: synced as pay-what-you-want with `amount` as its minimum. */
  pay_what_you_want: Flag;
  synced_at: string;
}

export type SupportStatus =
  "awaiting_payment" | "open" | "answered" | "resolved" | "closed" | "cancelled" | "expired";

export interface SupportRequestsTable {
  id: string;
  purchase_id: string;
  user_id: string;
  product_id: string;
  seller_id: string;
  /** The request's own Order (kind "support"): paid through the same pipeline as products. */
  order_id: string;
  subject: string;
  status: SupportStatus;
  created_at: string;
  updated_at: string;
  paid_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  last_message_at: string;
  customer_read_at: string | null;
  seller_read_at: string | null;
}

export type SupportAuthorRole = "customer" | "seller" | "staff";

export interface SupportMessagesTable {
  id: string;
  request_id: string;
  author_id: string;
  author_role: SupportAuthorRole;
  body: string;
  created_at: string;
}

export type ShortLinkDisabledBy = "owner" | "staff";

export interface ShortLinksTable {
  id: string;
  owner_id: string;
  /** Lowercased; unique whatever the case it is typed in. */
  slug: string;
  target_url: string;
  product_id: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  expires_at: string | null;
  disabled_at: string | null;
  disabled_by: ShortLinkDisabledBy | null;
  disabled_reason: string | null;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export type ClickDevice = "desktop" | "mobile" | "tablet" | "bot" | "other";

export interface LinkClicksTable {
  /** The engine's row number: nothing refers to a click. */
  id: Generated<number>;
  link_id: string;
  clicked_at: string;
  referrer_host: string | null;
  device: ClickDevice;
  browser: string | null;
  os: string | null;
  is_bot: Flag;
  country: string | null;
  visitor_hash: string;
}

export interface LinkClickHoursTable {
  link_id: string;
  /** The hour's start, UTC ISO. */
  hour: string;
  clicks: number;
  unique_visitors: number;
  bot_clicks: number;
}

export type ClickFacet = "referrer" | "device" | "browser" | "os" | "country";

export interface LinkClickFacetsTable {
  link_id: string;
  /** UTC date, YYYY-MM-DD. */
  day: string;
  facet: ClickFacet;
  value: string;
  clicks: number;
}

/** The same counts per UTC month (YYYY-MM): what long ranges read. */
/**
 * What orders add to a seller's numbers, summed per seller, product, order kind and currency:
 * paid orders, their amounts, refunds, lost disputes and first-time buyers. Written in the
 * transaction that changes an order; read by dashboards instead of orders.
 */
interface SalesRollupFigures {
  seller_id: string;
  /** In `sales_days`, `''` is the row for all of the seller's products. */
  product_id: string;
  kind: OrderKind;
  currency: string;
  sales: number;
  gross: number;
  refunds: number;
  /** Sales with any refund. */
  refunded_sales: number;
  dispute_losses: number;
  /** Sales that were their buyer's first product order with the seller. */
  new_customers: number;
}

/** Per UTC hour of the orders' creation (`2026-12-04T18:00:00.000Z`): any time zone's days. */
export interface SalesHoursTable extends SalesRollupFigures {
  hour: string;
}

/** Per calendar day (YYYY-MM-DD) in the seller's time zone. */
export interface SalesDaysTable extends SalesRollupFigures {
  day: string;
}

/** Per product and calendar month (YYYY-MM) in the seller's time zone (no all-products row). */
export interface SalesMonthsTable extends SalesRollupFigures {
  month: string;
}

export interface LinkClickFacetMonthsTable {
  link_id: string;
  month: string;
  facet: ClickFacet;
  value: string;
  clicks: number;
}

export interface LinkVisitorDaysTable {
  link_id: string;
  day: string;
  visitor_hash: string;
}

/** The short link whose attribution cookie was live when an order's checkout started. */
export interface OrderAttributionsTable {
  order_id: string;
  link_id: string;
  created_at: string;
}

export interface VisitorSaltsTable {
  day: string;
  salt: string;
}

export interface LicensePoliciesTable {
  product_id: string;
  enabled: number;
  activation_limit: number | null;
  validity_days: number | null;
  updated_at: string;
}

export interface LicensesTable {
  id: string;
  key: string;
  purchase_id: string;
  product_id: string;
  user_id: string;
  /** Copied from the policy when issued, so a later policy change never strands machines. */
  activation_limit: number | null;
  expires_at: string | null;
  disabled_at: string | null;
  issued_at: string;
  updated_at: string;
}

export interface LicenseActivationsTable {
  id: string;
  license_id: string;
  instance_name: string;
  created_at: string;
}

export interface LicenseSigningKeysTable {
  id: string;
  public_key: string;
  private_key: string;
  created_at: string;
}

export interface DiscountCodesTable {
  id: string;
  seller_id: string;
  code: string;
  /** Upper case: codes are case-insensitive, unique per seller. */
  code_key: string;
  /** A percentage code (1–99); null: a fixed amount per currency. */
  percent_off: number | null;
  all_products: Flag;
  starts_at: string | null;
  ends_at: string | null;
  max_redemptions: number | null;
  per_customer_limit: number | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DiscountCodeAmountsTable {
  discount_id: string;
  currency: string;
  amount_off: number;
}

export interface DiscountCodeProductsTable {
  discount_id: string;
  product_id: string;
}

/** One order placed with a code; it counts while the order is pending or was paid. */
export interface DiscountRedemptionsTable {
  order_id: string;
  discount_id: string;
  user_id: string;
  product_id: string;
  list_amount: number;
  created_at: string;
}

export interface Database {
  site_settings: SiteSettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  rate_limits: RateLimitsTable;
  email_outbox: EmailOutboxTable;
  categories: CategoriesTable;
  products: ProductsTable;
  product_versions: ProductVersionsTable;
  orders: OrdersTable;
  purchased_products: PurchasedProductsTable;
  payment_events: PaymentEventsTable;
  downloads: DownloadsTable;
  provider_products: ProviderProductsTable;
  support_requests: SupportRequestsTable;
  support_messages: SupportMessagesTable;
  short_links: ShortLinksTable;
  link_clicks: LinkClicksTable;
  link_click_hours: LinkClickHoursTable;
  link_click_facets: LinkClickFacetsTable;
  link_click_facet_months: LinkClickFacetMonthsTable;
  sales_hours: SalesHoursTable;
  sales_days: SalesDaysTable;
  sales_months: SalesMonthsTable;
  link_visitor_days: LinkVisitorDaysTable;
  visitor_salts: VisitorSaltsTable;
  order_attributions: OrderAttributionsTable;
  license_policies: LicensePoliciesTable;
  licenses: LicensesTable;
  license_activations: LicenseActivationsTable;
  license_signing_keys: LicenseSigningKeysTable;
  discount_codes: DiscountCodesTable;
  discount_code_amounts: DiscountCodeAmountsTable;
  discount_code_products: DiscountCodeProductsTable;
  discount_redemptions: DiscountRedemptionsTable;
}
