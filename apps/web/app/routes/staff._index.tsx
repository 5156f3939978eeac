import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { attempt, failed, formFailure, formString } from "../.server/form-result";
import { requireStaff } from "../.server/require-staff";
import { Field, FormError, Notice } from "../components/form";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "Staff — DigiStore" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireStaff(context, request);
  const [status, home] = await Promise.all([
    context.api.staff.site.status(),
    context.api.catalog.home(),
  ]);
  return { ...status, featured: home.featured, origin: new URL(request.url).origin };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireStaff(context, request);
  const form = await request.formData();
  const intent = formString(form, "intent");
  if (intent === "maintenance-on" || intent === "maintenance-off") {
    const backAt = formString(form, "expectedBackAt");
    const message = formString(form, "message").trim();
    const result = await attempt(() =>
      context.api.staff.site.setMaintenance({
        enabled: intent === "maintenance-on",
        ...(message ? { message } : {}),
        expectedBackAt: backAt ? new Date(`${backAt}Z`).toISOString() : null,
      }),
    );
    return result.ok
      ? {
          ok: true as const,
          message: result.value.enabled ? "Maintenance mode is ON." : "Maintenance mode is off.",
        }
      : failed(result);
  }
  if (intent === "rotate-key") {
    const result = await attempt(() => context.api.staff.site.rotateBypassKey());
    return result.ok
      ? { ok: true as const, message: "New bypass key created.", key: result.value.key }
      : failed(result);
  }
  if (intent === "unfeature") {
    const result = await attempt(() =>
      context.api.staff.products.setFeatured({
        productId: formString(form, "productId"),
        featured: false,
      }),
    );
    return result.ok ? { ok: true as const, message: "Removed from featured." } : failed(result);
  }
  return failed(formFailure("Unknown action."));
}

export default function StaffHome() {
  const { maintenance, bypassKey, featured, origin } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const key = result?.ok && "key" in result ? result.key : null;
  return (
    <div className="narrow" style={{ maxWidth: "52rem" }}>
      <h1>Staff</h1>
      <p>
        <Link to="/staff/users">Users</Link> · <Link to="/staff/categories">Categories</Link> ·{" "}
        <Link to="/staff/payments">Payment events</Link> ·{" "}
        <Link to="/staff/links">Short links</Link>
      </p>
      {result?.ok ? (
        <Notice tone="success">{result.message}</Notice>
      ) : (
        <FormError message={result?.formError} />
      )}

      <section className="panel" aria-labelledby="maintenance">
        <h2 id="maintenance">
          Maintenance mode{" "}
          <span
            className={`badge ${maintenance.enabled ? "warn" : ""}`}
            data-testid="maintenance-state"
          >
            {maintenance.enabled ? "ON" : "off"}
          </span>
        </h2>
        <p className="muted">
          While on, visitors and customers see the maintenance page; staff, bypass holders, webhooks
          and health checks keep working.
          {maintenance.changedAt
            ? ` Last changed ${new Date(maintenance.changedAt).toUTCString()}.`
            : ""}
        </p>
        <Form method="post" noValidate>
          <Field
            label="Message"
            name="message"
            defaultValue={maintenance.message}
            maxLength={500}
            errors={result && !result.ok ? result.fieldErrors.message : undefined}
          />
          <Field
            label="Expected back (UTC, optional)"
            name="expectedBackAt"
            type="datetime-local"
            defaultValue={maintenance.expectedBackAt?.slice(0, 16) ?? ""}
            errors={result && !result.ok ? result.fieldErrors.expectedBackAt : undefined}
          />
          {maintenance.enabled ? (
            <div className="row">
              <button type="submit" name="intent" value="maintenance-on" className="secondary">
                Update message
              </button>
              <button type="submit" name="intent" value="maintenance-off">
                Turn maintenance off
              </button>
            </div>
          ) : (
            <button type="submit" name="intent" value="maintenance-on">
              Turn maintenance on
            </button>
          )}
        </Form>
      </section>

      <section className="panel" aria-labelledby="bypass">
        <h2 id="bypass">Bypass key</h2>
        <p className="muted">
          Anyone who opens a store URL with <code>?bypass=KEY</code> can use the store during
          maintenance for 24 hours.
          {bypassKey
            ? ` Current key created ${new Date(bypassKey.rotatedAt).toUTCString()}.`
            : " No key yet."}{" "}
          Rotating makes old links and cookies stop working.
        </p>
        {key ? (
          <Notice tone="success">
            Copy it now — it is not shown again: <code data-testid="bypass-key">{key}</code>
            <br />
            Link: <code>{`${origin}/?bypass=${key}`}</code>
          </Notice>
        ) : null}
        <Form method="post">
          <button type="submit" name="intent" value="rotate-key" className="secondary">
            {bypassKey ? "Rotate bypass key" : "Create bypass key"}
          </button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="featured">
        <h2 id="featured">Featured products</h2>
        {featured.length === 0 ? (
          <p className="muted">
            Nothing featured. Use “Feature on the home page” on a product page.
          </p>
        ) : (
          <ul>
            {featured.map((p) => (
              <li key={p.id}>
                <Form method="post" className="row">
                  <Link to={`/products/${p.slug}`}>{p.title}</Link>
                  <input type="hidden" name="productId" value={p.id} />
                  <button type="submit" name="intent" value="unfeature" className="secondary small">
                    Remove
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
