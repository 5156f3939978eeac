import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { attempt, failed, formFailure, formString } from "../.server/form-result";
import { requireStaff } from "../.server/require-staff";
import { staffLinkId } from "../.server/staff-link-ref";
import { Field, FormError, Notice } from "../components/form";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "Short links — Staff" }];

export function loader({ request, context }: LoaderFunctionArgs) {
  requireStaff(context, request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireStaff(context, request);
  const form = await request.formData();
  const typed = formString(form, "link");
  const ref = await staffLinkId(context, typed);
  if (!ref.ok) return failed(ref, { typed });
  const result = await attempt(() =>
    context.api.staff.links.disable({ linkId: ref.linkId, reason: formString(form, "reason") }),
  );
  if (result.ok) {
    const { slug, shortUrl, destination } = result.value;
    return { ok: true as const, slug, shortUrl, destination };
  }
  // A malformed id is as unknown as a missing one.
  if (result.status === 404 || result.fieldErrors.linkId) {
    return failed(formFailure("No link has that slug, short address or id.", "link"), { typed });
  }
  return failed(result, { typed });
}

export default function StaffLinks() {
  const result = useActionData<typeof action>();
  const refused = result && !result.ok ? result : null;
  return (
    <div className="narrow" style={{ maxWidth: "44rem" }}>
      <p>
        <Link to="/staff">← Staff</Link>
      </p>
      <h1>Short links</h1>
      {result?.ok ? (
        <Notice tone="success">
          Disabled <code>{result.shortUrl}</code> (it went to {result.destination}). Its owner sees
          the reason.
        </Notice>
      ) : null}
      <section className="panel" aria-labelledby="disable-link">
        <h2 id="disable-link">Disable a link</h2>
        <p className="muted">
          For phishing, malware or abuse. Visitors then see a neutral “link disabled” page, and the
          owner cannot turn it back on.
        </p>
        <Form method="post" noValidate>
          <FormError message={refused?.formError} />
          <Field
            label="Link (slug, short address or id)"
            name="link"
            defaultValue={refused?.typed}
            required
            autoCapitalize="off"
            errors={refused?.fieldErrors.link}
          />
          <Field
            label="Reason (shown to the owner)"
            name="reason"
            required
            maxLength={500}
            errors={refused?.fieldErrors.reason}
          />
          <button type="submit">Disable link</button>
        </Form>
      </section>
    </div>
  );
}
