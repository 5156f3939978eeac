import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { attempt, failed, formFailure } from "../.server/form-result";
import { readProductForm } from "../.server/product-form";
import { requireSeller } from "../.server/require-seller";
import { FormError } from "../components/form";
import { ProductFields } from "../components/product-fields";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "New product — DigiStore" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireSeller(context, request);
  return { categories: await context.api.catalog.categories() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSeller(context, request);
  const { input, fieldErrors } = readProductForm(await request.formData());
  if (Object.keys(fieldErrors).length)
    return failed({ ...formFailure("Check the highlighted fields."), fieldErrors });
  const result = await attempt(() => context.api.seller.products.create(input));
  if (!result.ok) return failed(result);
  return redirect(`/seller/products/${result.value.id}?created=1`);
}

export default function NewProduct() {
  const { categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="panel" style={{ maxWidth: "46rem" }}>
      <h1>New product</h1>
      <p className="muted">It starts as a draft. Upload a first version, then publish it.</p>
      <Form method="post" noValidate>
        <FormError message={result?.formError} />
        <ProductFields categories={categories} errors={result?.fieldErrors ?? {}} />
        <button type="submit">Create draft</button>
      </Form>
    </section>
  );
}
