import { formatMoney, majorAmount } from "@digistore/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirectDocument } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { readChosenAmount } from "../.server/chosen-amount";
import { attempt, failed, formFailure, formString } from "../.server/form-result";
import { orNotFound } from "../.server/not-found";
import { requireUser } from "../.server/require-user";
import { Field, FormError } from "../components/form";
import { priceLabel } from "../lib/price-label";
import { countries } from "../lib/countries";
import { CountrySelect } from "../components/country-select";
import { DiscountCodeForm } from "../components/discount-code-form";
import { discountCodeParam } from "../lib/discount-code-param";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "Checkout — DigiStore" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  const productSlug = params.slug ?? "";
  const code = discountCodeParam(request.url);
  const plain = () => orNotFound(context.api.checkout.preview({ productSlug }));
  if (!code) return { ...(await plain()), code: null, countries: countries() };
  // A code typed wrong (not even a code's shape) is said so; the page still loads.
  const preview = await context.api.checkout
    .preview({ productSlug, discountCode: code })
    .catch(async (error: unknown) => {
      if ((error as { code?: string }).code !== "BAD_REQUEST") throw error;
      return { ...(await plain()), discountRefusal: "That is not a discount code." };
    });
  return { ...preview, code, countries: countries() };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireUser(context, request);
  const form = await request.formData();
  const street = formString(form, "street").trim();
  const amount = readChosenAmount(form);
  const discountCode = formString(form, "discountCode").trim();
  if (amount === "invalid") {
    return failed(formFailure("Type an amount like 12 or 12.50.", "amount"));
  }
  const result = await attempt(() =>
    context.api.checkout.start({
      productSlug: params.slug ?? "",
      billingCountry: formString(form, "country"),
      ...(amount === null ? {} : { amount }),
      ...(discountCode ? { discountCode } : {}),
      ...(street
        ? {
            billingAddress: {
              street,
              city: formString(form, "city"),
              state: formString(form, "state"),
              zipcode: formString(form, "zipcode"),
            },
          }
        : {}),
    }),
  );
  if (!result.ok) return failed(result);
  // Off to the provider's hosted checkout; the order waits, pending, for its webhook.
  return redirectDocument(result.value.redirectUrl);
}

export default function Checkout() {
  const { product, seller, owned, refusal, countries, code, discount, discountRefusal } =
    useLoaderData<typeof loader>();
  // The price the buyer pays from: after the code when one applies.
  const pays = discount
    ? { ...product, price: discount.price, suggestedPrice: discount.suggestedPrice }
    : product;
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <section className="panel narrow" style={{ maxWidth: "34rem" }}>
      <h1>Checkout</h1>
      <div className="order-summary">
        <p>
          <strong>{product.title}</strong>
          <br />
          <span className="muted">by {seller.displayName} · lifetime access to every version</span>
        </p>
        <div className="checkout-price">
          <p className="price large" data-testid="checkout-total">
            {discount ? (
              <>
                <s className="was" aria-label={`was ${priceLabel(product)}`}>
                  {priceLabel(product)}
                </s>{" "}
              </>
            ) : null}
            {priceLabel(pays)}
          </p>
          {discount ? (
            <p className="badge ok" data-testid="discount-applied">
              {discount.code}: {discount.label}
            </p>
          ) : null}
        </div>
      </div>
      {owned ? (
        <p>
          You already own this product. <Link to="/library">Go to My Products</Link>
        </p>
      ) : refusal ? (
        <p className="form-error">
          {refusal}{" "}
          {refusal.startsWith("Verify") ? <Link to="/account">Go to your account</Link> : null}
        </p>
      ) : (
        <>
          <DiscountCodeForm
            code={code}
            applied={discount?.code ?? null}
            refusal={discountRefusal}
          />
          <Form method="post" noValidate>
            <FormError message={result?.formError} />
            {discount ? <input type="hidden" name="discountCode" value={discount.code} /> : null}
            {product.payWhatYouWant ? (
              <>
                <Field
                  label={`Your price (${product.price.currency}, at least ${formatMoney(pays.price)})`}
                  name="amount"
                  inputMode="decimal"
                  defaultValue={majorAmount(pays.suggestedPrice ?? pays.price)}
                  errors={result?.fieldErrors.amount}
                />
                <input type="hidden" name="currency" value={product.price.currency} />
              </>
            ) : null}
            <CountrySelect countries={countries} errors={result?.fieldErrors.billingCountry} />
            <details>
              <summary>Add a billing address (optional)</summary>
              <div className="field">
                <label htmlFor="street">Street</label>
                <input id="street" name="street" autoComplete="street-address" />
              </div>
              <div className="row">
                <div className="field">
                  <label htmlFor="city">City</label>
                  <input id="city" name="city" autoComplete="address-level2" />
                </div>
                <div className="field">
                  <label htmlFor="state">State / region</label>
                  <input id="state" name="state" autoComplete="address-level1" />
                </div>
                <div className="field">
                  <label htmlFor="zipcode">Postal code</label>
                  <input id="zipcode" name="zipcode" autoComplete="postal-code" />
                </div>
              </div>
            </details>
            <button type="submit" disabled={busy}>
              {busy ? "Opening secure payment…" : "Continue to secure payment"}
            </button>
            <p className="muted small">
              You will pay on our payment provider's page and come back here.
            </p>
          </Form>
        </>
      )}
    </section>
  );
}
