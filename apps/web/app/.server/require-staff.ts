import type { AppLoadContext } from "@remix-run/node";
import { requireUser } from "./require-user";
import { notFound } from "./not-found";

/** Staff pages answer 404 to everyone else: their existence is nobody else's business. */
export function requireStaff(context: AppLoadContext, request: Request) {
  const user = requireUser(context, request);

  if (!user.roles.staff) notFound();
  return user;
}
