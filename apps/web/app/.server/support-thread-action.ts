import type { AppLoadContext } from "@remix-run/node";
import { attempt, failed, formFailure, formString } from "./form-result";

/** Reply, resolve or close — one action for the customer's and the seller's thread pages. */
export async function supportThreadAction(
  context: AppLoadContext,
  requestId: string,
  form: FormData,
) {
  const intent = formString(form, "intent");
  if (intent === "reply") {
    const result = await attempt(() =>
      context.api.support.reply({ requestId, body: formString(form, "body") }),
    );
    return result.ok ? { ok: true as const, message: "Reply sent." } : failed(result);
  }
  if (intent === "resolve" || intent === "close") {
    const result = await attempt(() =>
      intent === "resolve"
        ? context.api.support.resolve({ requestId })
        : context.api.support.close({ requestId }),
    );
    return result.ok
      ? { ok: true as const, message: intent === "resolve" ? "Marked resolved." : "Closed." }
      : failed(result);
  }
  return failed(formFailure("Unknown action."));
}
