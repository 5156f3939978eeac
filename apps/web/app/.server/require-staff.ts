import type { AppLoadContext } from "@remix-run/node";
import { requireUser } from "./require-user";

/** Staff pages answer 404 to everyone else: their existence is nobody else's business. */
export function requireStaff(context: AppLoadContext, request: Request) {
  const user = requireUser(context, request);
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (!user.roles.staff) throw new Response("Not found", { status: 404 });
  return user;
}
