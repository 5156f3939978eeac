import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { attempt, failed, formFailure, formString } from "../.server/form-result";
import { requireUser } from "../.server/require-user";
import { TIME_ZONES } from "../.server/time-zones";
import { Field, FormError, Notice } from "../components/form";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "Your account — DigiStore" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const sessions = await context.api.account.sessions();
  return { user, sessions, timeZones: TIME_ZONES };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(context, request);
  const form = await request.formData();
  const intent = formString(form, "intent");
  if (intent === "profile") {
    const result = await attempt(() =>
      context.api.account.updateProfile({ displayName: formString(form, "displayName") }),
    );
    return result.ok
      ? { intent, ok: true as const, message: "Profile saved." }
      : failed(result, { intent });
  }
  if (intent === "timezone") {
    const result = await attempt(() =>
      context.api.account.setTimezone({ timezone: formString(form, "timezone") }),
    );
    return result.ok
      ? { intent, ok: true as const, message: `Days now count in ${result.value.timezone}.` }
      : failed(result, { intent });
  }
  if (intent === "sale-emails") {
    const result = await attempt(() =>
      // Whatever the form sent: the API refuses anything but its two choices.
      context.api.account.setSaleEmails({
        saleEmails: formString(form, "saleEmails") as "each" | "daily" | "off",
      }),
    );
    return result.ok
      ? {
          intent,
          ok: true as const,
          message: {
            each: "You will get an email for each sale.",
            daily: "You will get one email a day about the day before.",
            off: "Sale emails are off.",
          }[result.value.saleEmails],
        }
      : failed(result, { intent });
  }
  if (intent === "password") {
    if (formString(form, "newPassword") !== formString(form, "confirm")) {
      return failed(formFailure("The two new passwords do not match.", "confirm"), { intent });
    }
    const result = await attempt(() =>
      context.api.account.changePassword({
        currentPassword: formString(form, "currentPassword"),
        newPassword: formString(form, "newPassword"),
      }),
    );
    return result.ok
      ? {
          intent,
          ok: true as const,
          message: `Password changed. ${result.value.otherSessionsEnded} other device(s) were signed out.`,
        }
      : failed(result, { intent });
  }
  if (intent === "resend") {
    const result = await attempt(() => context.api.auth.resendVerification());
    return result.ok
      ? {
          intent,
          ok: true as const,
          message: `We sent a new verification link to ${result.value.email}.`,
        }
      : failed(result, { intent });
  }
  return failed(formFailure("Unknown action."), { intent });
}

function Outcome({ intent }: { intent: string }) {
  const result = useActionData<typeof action>();
  if (!result || result.intent !== intent) return null;
  return result.ok ? (
    <Notice tone="success">{result.message}</Notice>
  ) : (
    <FormError message={result.formError} />
  );
}

export default function Account() {
  const { user, sessions, timeZones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = (intent: string): Record<string, string[] | undefined> =>
    result && !result.ok && result.intent === intent ? result.fieldErrors : {};
  return (
    <div className="narrow" style={{ maxWidth: "44rem" }}>
      <h1>Your account</h1>
      {params.get("verified") ? (
        <Notice tone="success">Your email is verified. Welcome!</Notice>
      ) : null}

      <section className="panel">
        <h2>Email</h2>
        <p>
          {user.email}{" "}
          {user.emailVerified ? (
            <span className="badge">Verified</span>
          ) : (
            <span className="badge warn">Not verified</span>
          )}
        </p>
        {user.emailVerified ? null : (
          <Form method="post">
            <Outcome intent="resend" />
            <p className="muted">Verify your email to buy products and to start selling.</p>
            <button type="submit" name="intent" value="resend" className="secondary">
              Send a new verification link
            </button>
          </Form>
        )}
      </section>

      <section className="panel">
        <h2>Profile</h2>
        <Form method="post" noValidate>
          <Outcome intent="profile" />
          <Field
            label="Your name"
            name="displayName"
            defaultValue={user.displayName}
            required
            errors={errors("profile").displayName}
          />
          <button type="submit" name="intent" value="profile">
            Save profile
          </button>
        </Form>
      </section>

      <section className="panel" id="timezone">
        <h2>Time zone</h2>
        <Form method="post">
          <Outcome intent="timezone" />
          <label>
            Reports count days in
            <select name="timezone" defaultValue={user.timezone} data-testid="timezone">
              {timeZones.map((zone) => (
                <option key={zone}>{zone}</option>
              ))}
            </select>
          </label>
          <p className="small muted">
            Your dashboard and link analytics start each day at midnight here.
          </p>
          <button type="submit" name="intent" value="timezone" className="secondary">
            Save time zone
          </button>
        </Form>
      </section>

      <section className="panel">
        <h2>Selling</h2>
        {user.roles.seller ? (
          <>
            <p>
              You are a seller on this store. <Link to="/seller">Your dashboard</Link>
            </p>
            <Form method="post" id="sale-emails">
              <Outcome intent="sale-emails" />
              <label>
                Email me
                <select name="saleEmails" defaultValue={user.saleEmails} data-testid="sale-emails">
                  <option value="each">for each sale</option>
                  <option value="daily">once a day, about yesterday's sales</option>
                  <option value="off">never about sales</option>
                </select>
              </label>
              <button type="submit" name="intent" value="sale-emails" className="secondary">
                Save
              </button>
            </Form>
          </>
        ) : user.roles.staff ? (
          <p className="muted">Staff accounts run the store and do not sell.</p>
        ) : (
          <p>
            Sell your own digital products here. <Link to="/sell">Start selling</Link>
          </p>
        )}
      </section>

      <section className="panel">
        <h2>Short links</h2>
        <p>
          Share short addresses to any page or product, with a QR code and UTM tags.{" "}
          <Link to="/links">Your links</Link>
        </p>
      </section>

      <section className="panel">
        <h2>Password</h2>
        <Form method="post" noValidate>
          <Outcome intent="password" />
          <Field
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            errors={errors("password").currentPassword}
          />
          <Field
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            errors={errors("password").newPassword}
            hint="At least 8 characters. Other devices will be signed out."
          />
          <Field
            label="Repeat the new password"
            name="confirm"
            type="password"
            autoComplete="new-password"
            required
            errors={errors("password").confirm}
          />
          <button type="submit" name="intent" value="password">
            Change password
          </button>
        </Form>
      </section>

      <section className="panel">
        <h2>Where you are signed in</h2>
        <table className="table">
          <thead>
            <tr>
              <th>Device</th>
              <th>Signed in</th>
              <th>IP</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.userAgent ?? "Unknown device"}{" "}
                  {s.current ? <span className="badge">This device</span> : null}
                </td>
                <td>{new Date(s.createdAt).toUTCString()}</td>
                <td>{s.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Form method="post" action="/logout" style={{ marginTop: "1rem" }}>
          <button type="submit" name="scope" value="everywhere" className="secondary">
            Log out everywhere
          </button>
        </Form>
      </section>
    </div>
  );
}
