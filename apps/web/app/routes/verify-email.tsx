import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { attempt, failed, formString } from "../.server/form-result";
import { FormError } from "../components/form";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "Verify your email — DigiStore" }];

// Opening the link only shows a button: mail scanners that prefetch links must not spend it.
// Someone signed in and verified (a link opened twice) is told so, not offered a spent link.
export function loader({ request, context }: LoaderFunctionArgs) {
  return {
    token: new URL(request.url).searchParams.get("token") ?? "",
    alreadyVerified: context.user?.emailVerified === true,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const result = await attempt(() =>
    context.api.auth.verifyEmail({ token: formString(form, "token") }),
  );
  if (!result.ok) return failed(result);
  return redirect("/account?verified=1");
}

export default function VerifyEmail() {
  const { token, alreadyVerified } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (alreadyVerified) {
    return (
      <section className="panel narrow">
        <h1>Already verified</h1>
        <p data-testid="already-verified">
          Your email address is already verified: there is nothing more to do.
        </p>
        <Link to="/products" className="button">
          Go to the store
        </Link>
      </section>
    );
  }
  return (
    <section className="panel narrow">
      <h1>Verify your email</h1>
      {token ? (
        <Form method="post">
          <FormError message={result?.formError} />
          <input type="hidden" name="token" value={token} />
          <p>Confirm that this email address is yours to finish setting up your account.</p>
          <button type="submit">Verify my email</button>
        </Form>
      ) : (
        <p className="form-error">This link is incomplete. Open the link from the email again.</p>
      )}
      {result ? (
        <p className="muted">
          Need a new link? <Link to="/account">Log in and ask for one</Link> from your account page.
        </p>
      ) : null}
    </section>
  );
}
