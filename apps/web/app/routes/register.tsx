import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { attempt, failed, formString } from "../.server/form-result";
import { Field, FormError, Notice } from "../components/form";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "Create an account — DigiStore" }];

export function loader({ context }: LoaderFunctionArgs) {
  if (context.user) return redirect("/account");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const result = await attempt(() =>
    context.api.auth.register({
      email: formString(form, "email"),
      password: formString(form, "password"),
      displayName: formString(form, "displayName"),
    }),
  );
  if (!result.ok) return failed(result);
  return { ok: true as const, email: result.value.email };
}

export default function Register() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (result?.ok) {
    return (
      <section className="panel narrow">
        <h1>Check your inbox</h1>
        <Notice tone="success">
          We sent an email to <strong>{result.email}</strong>. Open the link in it to verify your
          address and sign in. The link is valid for 24 hours.
        </Notice>
        <p className="muted">
          Nothing arrived? Check your spam folder, or <Link to="/login">log in</Link> and ask for a
          new link.
        </p>
      </section>
    );
  }
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <section className="panel narrow">
      <h1>Create an account</h1>
      <Form method="post" noValidate>
        <FormError message={result && !result.ok ? result.formError : undefined} />
        <Field
          label="Your name"
          name="displayName"
          autoComplete="name"
          required
          errors={errors.displayName}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          errors={errors.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          errors={errors.password}
          hint="At least 8 characters."
        />
        <button type="submit" disabled={busy}>
          {busy ? "Creating…" : "Create account"}
        </button>
      </Form>
      <p className="muted">
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </section>
  );
}
