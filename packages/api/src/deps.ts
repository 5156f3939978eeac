import type { OrdersDeps } from "@digistore/domain-orders";
import type { SupportDeps } from "@digistore/domain-support";
import type { User, UsersDeps } from "@digistore/domain-users";
import type { Context } from "./context";

/** The slices of the request context each domain's verbs take. */
export function usersDeps(ctx: Context): UsersDeps {
  return { db: ctx.db, clock: ctx.clock, emails: ctx.emails };
}

export function ordersDeps(
  ctx: Pick<
    Context,
    | "db"
    | "dialect"
    | "clock"
    | "payments"
    | "emails"
    | "storage"
    | "publicUrl"
    | "downloadSecret"
    | "orderHooks"
  >,
): OrdersDeps {
  return {
    db: ctx.db,
    dialect: ctx.dialect,
    clock: ctx.clock,
    provider: ctx.payments,
    emails: ctx.emails,
    storage: ctx.storage,
    publicUrl: ctx.publicUrl,
    downloadSecret: ctx.downloadSecret,
    onOrderChange: ctx.orderHooks,
  };
}

/** The signed-in user (procedures built on authedProcedure guarantee one). */
export function actorUser(ctx: Context): User {
  if (!ctx.user) throw new Error("actorUser requested on an anonymous context");
  return ctx.user;
}

export function supportDeps(ctx: Context): SupportDeps {
  return { orders: ordersDeps(ctx), emails: ctx.emails };
}
