import type { AppLoadContext } from "@remix-run/node";
import { attempt, type FormFailure, formFailure } from "./form-result";

/** What staff paste: a short address (`…/s/<slug>`), a slug, or a link's id. */
function slugOf(typed: string): string {
  const path = /\/s\/([^/?#]+)/.exec(typed);
  if (!path) return typed;
  try {
    return decodeURIComponent(path[1]!);
  } catch {
    return path[1]!;
  }
}

/**
 * The id of the link staff mean: looked up by slug first (what reports quote), else taken as
 * an id for the disable call to check.
 */
export async function staffLinkId(
  context: AppLoadContext,
  typed: string,
): Promise<{ ok: true; linkId: string } | FormFailure> {
  const ref = slugOf(typed.trim());
  if (!ref) return formFailure("Enter the link's slug, short address or id.", "link");
  const found = await attempt(() => context.api.staff.links.find({ slug: ref }));
  if (found.ok) return { ok: true, linkId: found.value.id };
  if (found.status !== 404 && found.status !== 400) return found;
  return { ok: true, linkId: ref };
}
