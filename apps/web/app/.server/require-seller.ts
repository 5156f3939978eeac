import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "./require-user";

/** Seller pages: non-sellers are sent to "Start selling" instead of an error. */
export function requireSeller(context: AppLoadContext, request: Request) {
  const user = requireUser(context, request);
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (!user.roles.seller) throw redirect("/sell");
  return user;
}
