import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { attempt, failed, formFailure, formString } from "../.server/form-result";
import { Field, FormError } from "../components/form";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "Choose a new password — DigiStore" }];

export function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const password = formString(form, "password");
  if (password !== formString(form, "confirm")) {
    return failed(formFailure("The two passwords do not match.", "confirm"));
  }
  const result = await attempt(() =>
    context.api.auth.resetPassword({ token: formString(form, "token"), password }),
  );
  if (!result.ok) return failed(result);
  // No automatic sign-in after a reset: the person proves the new password once.
  return redirect("/login?reset=1");
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string[] | undefined> = result?.fieldErrors ?? {};
  return (
    <section className="panel narrow">
      <h1>Choose a new password</h1>
      <Form method="post" noValidate>
        <FormError message={result?.formError} />
        <input type="hidden" name="token" value={token} />
        <Field
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          errors={errors.password}
          hint="At least 8 characters."
        />
        <Field
          label="Repeat the new password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          errors={errors.confirm}
        />
        <button type="submit">Set new password</button>
      </Form>
      <p className="muted">
        Link expired? <Link to="/forgot-password">Ask for a new one</Link>.
      </p>
    </section>
  );
}
