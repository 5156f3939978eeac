import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect, redirectDocument } from "@remix-run/node";
import { attempt, formString } from "../.server/form-result";
import { requireUser } from "../.server/require-user";

/** "Download": re-checks access and sends the browser to a fresh five-minute link. */
export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(context, request);
  const form = await request.formData();
  const versionId = formString(form, "versionId");
  const result = await attempt(() =>
    context.api.library.download({
      productId: formString(form, "productId"),
      ...(versionId ? { versionId } : {}),
    }),
  );
  if (!result.ok) return redirect(`/library?error=${encodeURIComponent(result.formError)}`);
  // A document navigation: the file is served by the server, not by a Remix route.
  return redirectDocument(result.value.url);
}

export function loader() {
  return redirect("/library");
}
