import type { CatalogActor, CatalogDeps } from "@digistore/domain-catalog";
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
