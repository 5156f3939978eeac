import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { attempt, failed } from "../.server/form-result";
import { requireUser } from "../.server/require-user";
import { FormError } from "../components/form";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "Start selling — DigiStore" }];

export function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  if (user.roles.seller) return redirect("/account");
  return { emailVerified: user.emailVerified, staff: user.roles.staff };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(context, request);
  const form = await request.formData();
  // The API refuses anything but true with a clear message; the cast only passes it along.
  const result = await attempt(() =>
    context.api.account.becomeSeller({ acceptTerms: (form.get("acceptTerms") === "on") as true }),
  );
  if (!result.ok) return failed(result);
  return redirect("/account?seller=1");
}

export default function Sell() {
  const { emailVerified, staff } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="panel narrow" style={{ maxWidth: "40rem" }}>
      <h1>Start selling</h1>
      <p>
        List your digital products, ship new versions to every customer for free, and sell support
        for what you make. You keep your customers and your revenue.
      </p>
      {staff ? (
        <p className="form-error">Staff accounts run the store and cannot sell.</p>
      ) : !emailVerified ? (
        <p className="form-error">
          Verify your email address first: open the link we sent you, or ask for a new one on{" "}
          <Link to="/account">your account page</Link>.
        </p>
      ) : (
        <Form method="post">
          <FormError message={result?.formError} />
          <h2>Seller terms</h2>
          <ul>
            <li>You own the rights to what you sell and describe it honestly.</li>
            <li>Customers who buy a product keep access to every later version of it.</li>
            <li>Refunds and disputes revoke access to what was refunded.</li>
            <li>Paid support you offer is answered by you.</li>
          </ul>
          <label className="checkbox">
            <input type="checkbox" name="acceptTerms" /> <span>I accept the seller terms</span>
          </label>
          <button type="submit">Become a seller</button>
        </Form>
      )}
    </section>
  );
}
