import { formatMoney } from "@digistore/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirectDocument } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { attempt, failed, formString } from "../.server/form-result";
import { orNotFound } from "../.server/not-found";
import { requireUser } from "../.server/require-user";
import { Field, FormError } from "../components/form";
import { countries } from "../lib/countries";
import { CountrySelect } from "../components/country-select";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "Request support — DigiStore" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  const productId = new URL(request.url).searchParams.get("product") ?? "";
  const { product, eligibility } = await orNotFound(context.api.support.eligibility({ productId }));
  return { product, eligibility, countries: countries() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(context, request);
  const form = await request.formData();
  const result = await attempt(() =>
    context.api.support.open({
      productId: formString(form, "productId"),
      subject: formString(form, "subject"),
      message: formString(form, "message"),
      billingCountry: formString(form, "country"),
    }),
  );
  if (!result.ok) return failed(result);
  // Support is paid through the same hosted checkout as products.
  return redirectDocument(result.value.redirectUrl);
}

export default function NewSupportRequest() {
  const { product, eligibility, countries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.fieldErrors ?? {};
  return (
    <section className="panel narrow" style={{ maxWidth: "40rem" }}>
      <h1>Request support</h1>
      <p>
        For <strong>{product.title}</strong>
        {product.supportPrice ? <> · {formatMoney(product.supportPrice)} per request</> : null}
      </p>
      {!eligibility.eligible ? (
        <p className="form-error">
          {eligibility.reason}{" "}
          {eligibility.activeRequestId ? (
            <Link to={`/supports/${eligibility.activeRequestId}`}>Open the active request</Link>
          ) : null}
        </p>
      ) : (
        <Form method="post" noValidate>
          <FormError message={result?.formError} />
          <input type="hidden" name="productId" value={product.id} />
          <Field label="Subject" name="subject" maxLength={200} required errors={errors.subject} />
          <div className={`field${errors.message ? " invalid" : ""}`}>
            <label htmlFor="message">What do you need help with?</label>
            <textarea id="message" name="message" rows={8} maxLength={10000} required />
            {errors.message ? <p className="field-error">{errors.message[0]}</p> : null}
          </div>
          <CountrySelect countries={countries} errors={errors.billingCountry} />
          <button type="submit">Continue to secure payment</button>
          <p className="muted small">The seller sees your request once it is paid.</p>
        </Form>
      )}
    </section>
  );
}
