import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { attempt, failed, formFailure, formString } from "../.server/form-result";
import { readLicensePolicyForm } from "../.server/license-policy-form";
import { orNotFound } from "../.server/not-found";
import { requireSeller } from "../.server/require-seller";
import { CopyButton } from "../components/copy-button";
import { Field, FormError, Notice } from "../components/form";
import { LicenseStatusBadge } from "../components/license-status-badge";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Licence keys — ${data?.product.title ?? "product"}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireSeller(context, request);
  const productId = params.id ?? "";
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  const [{ product }, policy, licenses, { publicKeyPem }] = await Promise.all([
    orNotFound(context.api.seller.products.get({ productId })),
    orNotFound(context.api.seller.licenses.policy({ productId })),
    orNotFound(context.api.seller.licenses.list({ productId, limit: 50, cursor })),
    context.api.seller.licenses.publicKey(),
  ]);
  return { product, policy, licenses, publicKeyPem, apiBase: `${context.publicUrl}/api/v1` };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireSeller(context, request);
  const productId = params.id ?? "";
  const form = await request.formData();
  const intent = formString(form, "intent");
  const licenseId = formString(form, "licenseId");
  if (intent === "disable" || intent === "enable") {
    const result = await attempt(() =>
      context.api.seller.licenses.setDisabled({ licenseId, disabled: intent === "disable" }),
    );
    return result.ok
      ? {
          ok: true as const,
          message: intent === "disable" ? "Key disabled." : "Key enabled again.",
        }
      : failed(result);
  }
  if (intent === "reset") {
    const result = await attempt(() => context.api.seller.licenses.resetActivations({ licenseId }));
    return result.ok
      ? { ok: true as const, message: "Every machine of that key was released." }
      : failed(result);
  }
  const { input, fieldErrors } = readLicensePolicyForm(form);
  if (!input) return failed({ ...formFailure("Check the highlighted fields."), fieldErrors });
  const result = await attempt(() =>
    context.api.seller.licenses.setPolicy({ productId, ...input }),
  );
  if (!result.ok) return failed(result);
  return {
    ok: true as const,
    message: input.enabled
      ? "Saved. Every owner has a key; new buyers get one with their purchase."
      : "Saved. New buyers get no key; existing keys keep working.",
  };
}

export default function ProductLicenses() {
  const { product, policy, licenses, publicKeyPem, apiBase } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <div className="seller-edit">
      <p>
        <Link to={`/seller/products/${product.id}`}>← {product.title}</Link>
      </p>
      <h1>Licence keys</h1>
      {result?.ok ? <Notice tone="success">{result.message}</Notice> : null}
      {result && !result.ok && !Object.keys(errors).length ? (
        <FormError message={result.formError} />
      ) : null}

      <section className="panel">
        <h2>Terms</h2>
        <Form method="post" noValidate>
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" name="enabled" defaultChecked={policy.enabled} /> Issue a
              licence key with every purchase
            </label>
          </div>
          <Field
            label="Machines per key"
            name="activationLimit"
            inputMode="numeric"
            defaultValue={policy.activationLimit ?? ""}
            errors={errors.activationLimit}
            hint="Leave blank for unlimited. Applies to keys issued from now on."
          />
          <Field
            label="Key lifetime in days"
            name="validityDays"
            inputMode="numeric"
            defaultValue={policy.validityDays ?? ""}
            errors={errors.validityDays}
            hint="Leave blank for keys that never expire."
          />
          <button type="submit" name="intent" value="policy">
            Save terms
          </button>
        </Form>
      </section>

      <section className="panel">
        <h2>For your app</h2>
        <p className="wrap-anywhere">
          Your app checks keys with <code>POST {apiBase}/licenses/validate</code>,{" "}
          <code>/activate</code> and <code>/deactivate</code> (
          <a href="/api/v1/openapi.json">OpenAPI description</a>). Send this product id with every
          call:
        </p>
        <p className="row">
          <code data-testid="product-id">{product.id}</code>{" "}
          <CopyButton text={product.id} label="Copy id" />
        </p>
        <p>
          Each answer carries a token signed by this store. Your app can verify it offline, without
          calling home, with this public key (Ed25519):
        </p>
        <pre className="code-block" data-testid="public-key">
          {publicKeyPem}
        </pre>
        <CopyButton text={publicKeyPem} label="Copy public key" />
      </section>

      <section className="panel">
        <h2>Keys</h2>
        {licenses.items.length ? (
          <div className="table-scroll">
            <table className="table" data-testid="licenses">
              <thead>
                <tr>
                  <th>Customer</th>
                  <th>Key</th>
                  <th>Status</th>
                  <th>Machines</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {licenses.items.map((l) => (
                  <tr key={l.id}>
                    <td>
                      {l.customer.displayName}
                      <br />
                      <span className="muted small">{l.customer.email}</span>
                    </td>
                    <td>
                      <code className="small">{l.key}</code>
                    </td>
                    <td>
                      <LicenseStatusBadge status={l.status} />
                    </td>
                    <td>
                      {l.activations.length} / {l.activationLimit ?? "∞"}
                    </td>
                    <td>
                      <Form method="post" className="row">
                        <input type="hidden" name="licenseId" value={l.id} />
                        <button
                          type="submit"
                          name="intent"
                          value={l.status === "disabled" ? "enable" : "disable"}
                          className="secondary small"
                        >
                          {l.status === "disabled" ? "Enable" : "Disable"}
                        </button>
                        {l.activations.length ? (
                          <button
                            type="submit"
                            name="intent"
                            value="reset"
                            className="secondary small"
                          >
                            Release machines
                          </button>
                        ) : null}
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">
            {policy.enabled
              ? "No keys yet: they appear as customers buy."
              : "Keys are off for this product."}
          </p>
        )}
        {licenses.nextCursor ? (
          <p>
            <Link to={`?cursor=${encodeURIComponent(licenses.nextCursor)}`}>Older keys →</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
