import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { readDiscountForm } from "../.server/discount-form";
import { attempt, failed, formFailure } from "../.server/form-result";
import { requireSeller } from "../.server/require-seller";
import { Field, FormError } from "../components/form";

export const meta: MetaFunction = () => [{ title: "New discount code — DigiStore" }];

/** The currencies the seller sells in: a fixed-amount code names its amount in each. */
async function sellerCatalogue(context: LoaderFunctionArgs["context"]) {
  const products = await context.api.seller.products.list();
  const currencies = [...new Set(products.map((p) => p.price.currency))].sort();
  return { products, currencies: currencies.length > 0 ? currencies : ["USD"] };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireSeller(context, request);
  return sellerCatalogue(context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSeller(context, request);
  const { currencies } = await sellerCatalogue(context);
  const read = readDiscountForm(await request.formData(), currencies);
  if (!read.input) return failed(formFailure(read.error ?? "Check the form."));
  const input = read.input;
  const result = await attempt(() => context.api.seller.discounts.create(input));
  if (!result.ok) return failed(result);
  return redirect(`/seller/discounts/${result.value.id}`);
}

export default function NewDiscount() {
  const { products, currencies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = result?.fieldErrors ?? {};
  return (
    <section className="panel narrow" style={{ maxWidth: "40rem" }}>
      <p>
        <Link to="/seller/discounts">← Discount codes</Link>
      </p>
      <h1>New discount code</h1>
      <Form method="post" noValidate className="stack">
        <FormError message={result?.formError} />
        <Field
          label="Code"
          name="code"
          hint="3–32 letters, digits, - or _. Buyers may type it in any case."
          autoCapitalize="characters"
          autoComplete="off"
          required
          errors={errors.code}
        />
        <fieldset>
          <legend>Takes off</legend>
          <label className="checkbox">
            <input type="radio" name="kind" value="percent" defaultChecked /> A percentage
          </label>
          <Field
            label="Percent off (1–99)"
            name="percentOff"
            inputMode="numeric"
            defaultValue="20"
            errors={errors.percentOff}
          />
          <label className="checkbox">
            <input type="radio" name="kind" value="fixed" /> A fixed amount
          </label>
          <div className="row">
            {currencies.map((currency) => (
              <Field
                key={currency}
                label={`Amount off in ${currency}`}
                name={`amount_${currency}`}
                inputMode="decimal"
                errors={errors.amountsOff}
              />
            ))}
          </div>
          <p className="hint">
            A fixed amount covers the products priced in the currencies you fill in. A code never
            brings a price to zero.
          </p>
        </fieldset>
        <fieldset>
          <legend>For</legend>
          <label className="checkbox">
            <input type="checkbox" name="allProducts" defaultChecked /> All my products, including
            future ones
          </label>
          <p className="hint">Or untick it and choose:</p>
          {products.map((p) => (
            <label key={p.id} className="checkbox">
              <input type="checkbox" name="productIds" value={p.id} /> {p.title}
            </label>
          ))}
          {errors.productIds ? <p className="field-error">{errors.productIds[0]}</p> : null}
        </fieldset>
        <div className="row">
          <Field
            label="Starts (UTC, optional)"
            name="startsAt"
            type="date"
            errors={errors.startsAt}
          />
          <Field label="Ends (UTC, optional)" name="endsAt" type="date" errors={errors.endsAt} />
        </div>
        <div className="row">
          <Field
            label="Uses in all (optional)"
            name="maxRedemptions"
            inputMode="numeric"
            hint="Empty: unlimited."
            errors={errors.maxRedemptions}
          />
          <Field
            label="Uses per customer"
            name="perCustomerLimit"
            inputMode="numeric"
            defaultValue="1"
            hint="Empty: unlimited."
            errors={errors.perCustomerLimit}
          />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? "Creating…" : "Create code"}
        </button>
      </Form>
    </section>
  );
}
