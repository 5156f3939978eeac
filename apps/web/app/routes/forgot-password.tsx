import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { attempt, failed, formString } from "../.server/form-result";
import { Field, FormError, Notice } from "../components/form";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "Forgot your password — DigiStore" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const result = await attempt(() =>
    context.api.auth.requestPasswordReset({ email: formString(form, "email") }),
  );
  if (!result.ok) return failed(result);
  return { ok: true as const, email: result.value.email };
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  if (result?.ok) {
    return (
      <section className="panel narrow">
        <h1>Check your inbox</h1>
        <Notice tone="success">
          If <strong>{result.email}</strong> has an account, we sent it a link to choose a new
          password. The link is valid for one hour.
        </Notice>
        <p>
          <Link to="/login">Back to log in</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="panel narrow">
      <h1>Forgot your password?</h1>
      <p className="muted">Enter your email and we will send you a link to choose a new one.</p>
      <Form method="post" noValidate>
        <FormError message={result?.formError} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          errors={result?.fieldErrors.email}
        />
        <button type="submit">Send reset link</button>
      </Form>
    </section>
  );
}
