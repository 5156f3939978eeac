import { useEffect } from "react";
import { liveUpdateProblem } from "../lib/api-errors";
import { trpc } from "../lib/trpc";
import { useDebounced } from "../lib/use-debounced";

/** Long enough to wait for a pause in typing, short enough to feel live. */
const DEBOUNCE_MS = 400;

/**
 * The description as the product page will show it, rendered by the server's own Markdown
 * renderer (no second renderer in the browser that could disagree or let unsafe HTML through).
 * Server-rendered pages show the placeholder; the first preview comes once JavaScript runs.
 */
export function DescriptionPreview({ markdown }: { markdown: string }) {
  const settled = useDebounced(markdown, DEBOUNCE_MS);
  // `mutate` is stable across renders, unlike the object useMutation returns.
  const { mutate, data, error, isPending } = trpc.seller.products.previewDescription.useMutation();
  useEffect(() => {
    if (settled.trim() !== "") mutate({ markdown: settled });
  }, [settled, mutate]);

  const empty = settled.trim() === "";
  return (
    <section className="description-preview" aria-label="Description preview" aria-busy={isPending}>
      <p className="hint">Preview — as buyers will see it</p>
      {error ? (
        <p className="field-error" role="status">
          {liveUpdateProblem(error)}
        </p>
      ) : null}
      {empty ? (
        <p className="muted">Nothing to preview yet.</p>
      ) : (
        <div
          className="description"
          data-testid="description-preview"
          // Sanitised on the server: renderDescription escapes raw HTML and unsafe links.
          dangerouslySetInnerHTML={{ __html: data?.html ?? "" }}
        />
      )}
    </section>
  );
}
