import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { attempt, failed } from "../.server/form-result";
import { readLinkForm, slugClashOnField } from "../.server/link-form";
import { linkProductOptions } from "../.server/link-products";
import { requireUser } from "../.server/require-user";
import { CopyButton } from "../components/copy-button";
import { Field, FormError, Notice } from "../components/form";
import { LinkFields } from "../components/link-fields";
import { LinkStateBadge } from "../components/link-state-badge";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "Your links — DigiStore" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  const [page, products] = await Promise.all([
    context.api.links.mine({ limit: 24, ...(cursor ? { cursor } : {}) }),
    user.emailVerified ? linkProductOptions(context, user) : null,
  ]);
  return { page, products, verified: user.emailVerified, paged: Boolean(cursor) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(context, request);
  const { values, input } = readLinkForm(await request.formData());
  const slug = values.slug.trim();
  const result = await attempt(() =>
    context.api.links.create({ ...input, ...(slug ? { slug } : {}) }),
  );
  if (result.ok) return redirect(`/links/${result.value.id}?created=1`);
  return failed(slugClashOnField(result), { values });
}

export default function MyLinks() {
  const { page, products, verified, paged } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const refused = result && !result.ok ? result : null;
  const errors = refused?.fieldErrors ?? {};
  return (
    <div className="links-page">
      <h1>Your links</h1>
      {params.get("deleted") ? (
        <Notice tone="success">Link deleted. Its short address stays retired.</Notice>
      ) : null}

      <section className="panel" aria-labelledby="new-link">
        <h2 id="new-link">New link</h2>
        {verified ? (
          <Form method="post" noValidate>
            <FormError message={refused?.formError} />
            <LinkFields
              // A refused form comes back as typed; a new key resets the live preview with it.
              key={JSON.stringify(refused?.values ?? {})}
              defaults={refused?.values ?? {}}
              products={products}
              errors={errors}
            />
            <Field
              label="Custom slug (optional)"
              name="slug"
              defaultValue={refused?.values.slug}
              maxLength={64}
              autoCapitalize="off"
              errors={errors.slug}
              hint="3–64 letters, digits, - or _. Leave empty for a random one. It cannot change later."
            />
            <button type="submit">Create link</button>
          </Form>
        ) : (
          <Notice>
            Verify your email address first: short links are for verified accounts.{" "}
            <Link to="/account">Send a new verification link</Link>
          </Notice>
        )}
      </section>

      <section className="panel" aria-labelledby="link-list">
        <h2 id="link-list">Links</h2>
        {page.items.length === 0 ? (
          <p className="muted">{paged ? "No older links." : "No links yet."}</p>
        ) : (
          <ul className="link-list" data-testid="my-links">
            {page.items.map((link) => (
              <li key={link.id} className="link-item">
                <div className="link-head">
                  <Link to={`/links/${link.id}`} className="link-slug">
                    {link.slug}
                  </Link>{" "}
                  <LinkStateBadge state={link.state} />
                  <span className="muted small">
                    created {new Date(link.createdAt).toUTCString()}
                  </span>
                </div>
                <div className="link-short">
                  <code>{link.shortUrl}</code> <CopyButton text={link.shortUrl} />
                </div>
                <p className="link-destination small muted">→ {link.destination}</p>
              </li>
            ))}
          </ul>
        )}
        {page.nextCursor ? (
          <p>
            <Link to={`?cursor=${encodeURIComponent(page.nextCursor)}`}>Older links →</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
