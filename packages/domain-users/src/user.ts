import type { SaleEmails, UsersTable } from "@digistore/db";
import type { Selectable } from "kysely";

/** Roles are additive flags: a seller is still a customer; staff run the site and never buy. */
export interface UserRoles {
  readonly customer: boolean;
  readonly seller: boolean;
  readonly staff: boolean;
}

export interface User {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly emailVerified: boolean;
  readonly roles: UserRoles;
  readonly disabled: boolean;
  /** The IANA zone their reports count days in (UTC until they choose). */
  readonly timezone: string;
  /** A seller's "you made a sale" emails. */
  readonly saleEmails: SaleEmails;
  readonly createdAt: string;
}

export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    emailVerified: row.email_verified_at !== null,
    roles: {
      customer: row.is_customer === 1,
      seller: row.is_seller === 1,
      staff: row.is_staff === 1,
    },
    disabled: row.disabled_at !== null,
    timezone: row.timezone,
    saleEmails: row.sale_emails,
    createdAt: row.created_at,
  };
}

/** Email is the identity; comparing and storing it normalised makes it case-insensitive. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
