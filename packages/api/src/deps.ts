import type { CatalogActor, CatalogDeps } from "@digistore/domain-catalog";
import type { OrdersDeps } from "@digistore/domain-orders";
import type { SupportDeps } from "@digistore/domain-support";
import type { User } from "@digistore/domain-users";
import type { Context } from "./context";

/** The slices of the request context each domain's verbs take. */
export function catalogDeps(ctx: Context): CatalogDeps {
  return {
    db: ctx.db,
    dialect: ctx.dialect,
    clock: ctx.clock,
    storage: ctx.storage,
    limits: ctx.catalogLimits,
  };
}

/** The caller as the catalogue sees them (null when anonymous). */
export function catalogActor(ctx: Context): CatalogActor | null {
  if (ctx.actor.kind !== "user") return null;
  const { userId, roles } = ctx.actor;
  return { userId, seller: roles.seller, staff: roles.staff };
}

export function requireCatalogActor(ctx: Context): CatalogActor {
  const actor = catalogActor(ctx);
  if (!actor) throw new Error("catalogActor requested on an anonymous context");
  return actor;
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
