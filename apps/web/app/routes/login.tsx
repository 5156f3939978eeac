import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { attempt, failed, formString } from "../.server/form-result";
import { Field, FormError, Notice } from "../components/form";
import { safeLocalPath } from "@digistore/core";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "Log in — DigiStore" }];

export function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = safeLocalPath(new URL(request.url).searchParams.get("redirectTo"), "/account");
  if (context.user) return redirect(redirectTo);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const result = await attempt(() =>
    context.api.auth.login({
      email: formString(form, "email"),
      password: formString(form, "password"),
    }),
  );
  if (!result.ok) return failed(result, { email: formString(form, "email") });
  return redirect(safeLocalPath(formString(form, "redirectTo"), "/account"));
}

export default function Login() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  return (
    <section className="panel narrow">
      <h1>Log in</h1>
      {params.get("reset") ? (
        <Notice tone="success">Your password was changed. Log in with the new one.</Notice>
      ) : null}
      <Form method="post" noValidate>
        <FormError message={result?.formError} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={result?.email}
          errors={errors.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          errors={errors.password}
        />
        <button type="submit" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </button>
      </Form>
      <p className="muted">
        <Link to="/forgot-password">Forgot your password?</Link> · New here?{" "}
        <Link to="/register">Create an account</Link>
      </p>
    </section>
  );
}
