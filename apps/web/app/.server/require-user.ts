import { redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";

/** Pages for signed-in people send everyone else to log in, and back here afterwards. */
export function requireUser(context: AppLoadContext, request: Request) {
  if (context.user) return context.user;
  const url = new URL(request.url);
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}
