import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { attempt, failed, formFailure, formString } from "../.server/form-result";
import { readLinkForm } from "../.server/link-form";
import { linkProductOptions } from "../.server/link-products";
import { notFound, orNotFound } from "../.server/not-found";
import { requireUser } from "../.server/require-user";
import { CopyButton } from "../components/copy-button";
import { FormError, Notice } from "../components/form";
import { IntentToggle } from "../components/intent-toggle";
import { LinkFields } from "../components/link-fields";
import { LinkStateBadge } from "../components/link-state-badge";
import { LinkAnalyticsPanel } from "../components/link-analytics-panel";
import { reportRange } from "../lib/report-range";
import { forwardRetryAfter } from "../lib/action-headers";
import { revalidateUnlessOnly } from "../lib/revalidate-on-change";

export const headers = forwardRetryAfter;

/** Switching the analytics range is the panel's own query through the typed client. */
export const shouldRevalidate = revalidateUnlessOnly("days");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.link.slug ?? "Link"} — your links` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const link = await orNotFound(context.api.links.get({ linkId: params.id ?? "" }));
  // Staff may read any link through the API, but this page and its forms are the owner's.
  if (link.ownerId !== user.id) notFound();
  const days = reportRange(new URL(request.url).searchParams.get("days"));
  const [products, analytics] = await Promise.all([
    linkProductOptions(context, user),
    context.api.links.analytics({ linkId: link.id, days, timezone: user.timezone }),
  ]);
  // A product link whose product left the shop keeps its product until the owner changes it.
  if (products && link.productId && !products.some((p) => p.id === link.productId)) {
    products.unshift({ id: link.productId, title: "(current product)", url: link.target });
  }
  return { link, products, analytics, days };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireUser(context, request);
  const linkId = params.id ?? "";
  const form = await request.formData();
  const intent = formString(form, "intent");
  if (intent === "save") {
    const { values, input } = readLinkForm(form);
    const result = await attempt(() => context.api.links.update({ linkId, ...input }));
    return result.ok ? { ok: true as const, message: "Saved." } : failed(result, { values });
  }
  if (intent === "disable" || intent === "enable") {
    const enabled = intent === "enable";
    const result = await attempt(() => context.api.links.setEnabled({ linkId, enabled }));
    const message = enabled ? "Enabled: the short link works again." : "Disabled.";
    return result.ok ? { ok: true as const, message } : failed(result);
  }
  if (intent === "delete") {
    const result = await attempt(() => context.api.links.delete({ linkId }));
    return result.ok ? redirect("/links?deleted=1") : failed(result);
  }
  return failed(formFailure("Unknown action."));
}

function editDefaults(link: ReturnType<typeof useLoaderData<typeof loader>>["link"]) {
  return {
    targetUrl: link.productId ? "" : link.target,
    productId: link.productId ?? "",
    utmSource: link.utm.utm_source ?? "",
    utmMedium: link.utm.utm_medium ?? "",
    utmCampaign: link.utm.utm_campaign ?? "",
    utmTerm: link.utm.utm_term ?? "",
    utmContent: link.utm.utm_content ?? "",
    expiresAt: link.expiresAt?.slice(0, 16) ?? "",
  };
}

export default function LinkPage() {
  const { link, products, analytics, days } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const refused = result && !result.ok ? result : null;
  const typed = refused && "values" in refused ? refused.values : null;
  const qr = `/links/${link.id}/qr`;
  return (
    <div className="link-page">
      <p>
        <Link to="/links">← Your links</Link>
      </p>
      <h1>
        {link.slug} <LinkStateBadge state={link.state} />
      </h1>
      {params.get("created") ? <Notice tone="success">Link created.</Notice> : null}
      {result?.ok ? <Notice tone="success">{result.message}</Notice> : null}
      <FormError message={refused?.formError} />
      {link.disabledBy === "staff" ? (
        <div className="form-error" data-testid="staff-disabled">
          Staff disabled this link: {link.disabledReason}. Visitors see a “link disabled” page.
        </div>
      ) : null}

      <section className="panel link-overview">
        <div className="link-facts">
          <h2>Short link</h2>
          <p className="link-short">
            <code data-testid="short-url">{link.shortUrl}</code> <CopyButton text={link.shortUrl} />
          </p>
          <h3>Visitors land on</h3>
          <p className="link-destination">
            <a href={link.destination} rel="noreferrer noopener" data-testid="destination">
              {link.destination}
            </a>
          </p>
          <p className="muted small">
            Created {new Date(link.createdAt).toUTCString()}
            {link.expiresAt ? ` · expires ${new Date(link.expiresAt).toUTCString()}` : ""}
          </p>
        </div>
        <figure className="link-qr">
          <img src={`${qr}.svg`} alt={`QR code for ${link.shortUrl}`} width={176} height={176} />
          <figcaption className="small">
            Download{" "}
            <a href={`${qr}.svg`} download={`${link.slug}.svg`}>
              SVG
            </a>{" "}
            ·{" "}
            <a href={`${qr}.png`} download={`${link.slug}.png`}>
              PNG
            </a>
          </figcaption>
        </figure>
      </section>

      <LinkAnalyticsPanel initial={analytics} initialDays={days} />

      <section className="panel" aria-labelledby="edit-link">
        <h2 id="edit-link">Edit</h2>
        <p className="muted small">
          The slug <code>{link.slug}</code> stays: the short link may already be printed.
        </p>
        <Form method="post" noValidate>
          <LinkFields
            key={JSON.stringify(typed ?? link)}
            defaults={typed ?? editDefaults(link)}
            products={products}
            errors={refused?.fieldErrors ?? {}}
          />
          <button type="submit" name="intent" value="save">
            Save changes
          </button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="link-switch">
        <h2 id="link-switch">On or off</h2>
        {link.disabledBy === "staff" ? (
          <p className="muted">Only staff can turn this link back on.</p>
        ) : (
          <IntentToggle
            offNow={link.disabledBy === "owner"}
            turnOn={{ intent: "enable", label: "Enable" }}
            turnOff={{ intent: "disable", label: "Disable" }}
            note={
              link.disabledBy === "owner"
                ? "Disabled: visitors see a “link disabled” page."
                : "A disabled link stops redirecting until you enable it again."
            }
          />
        )}
      </section>

      <DeleteSection confirming={params.get("delete") === "1"} />
    </div>
  );
}

/** Deleting asks once more, on a page of its own, so it needs no script to confirm. */
function DeleteSection({ confirming }: { confirming: boolean }) {
  return (
    <section className="panel" aria-labelledby="delete-link">
      <h2 id="delete-link">Delete</h2>
      {confirming ? (
        <Form method="post" className="row" data-testid="confirm-delete">
          <p>
            Delete this link for good? The short address stops working and is never given out again.
          </p>
          <button type="submit" name="intent" value="delete" className="danger">
            Yes, delete it
          </button>
          <Link to="?" className="button secondary">
            Keep it
          </Link>
        </Form>
      ) : (
        <Link to="?delete=1" className="button secondary">
          Delete…
        </Link>
      )}
    </section>
  );
}
