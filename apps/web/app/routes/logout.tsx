import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

/** POST only: logging out by GET would let any page sign people out with an <img>. */
export async function action({ request, context }: ActionFunctionArgs) {
  if (context.user) {
    const form = await request.formData();
    if (form.get("scope") === "everywhere") await context.api.auth.logoutEverywhere();
    else await context.api.auth.logout();
  }
  return redirect("/");
}

export function loader() {
  return redirect("/");
}
