import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { attempt, failed, formFailure, formString } from "../.server/form-result";
import { requireStaff } from "../.server/require-staff";
import { FormError, Notice } from "../components/form";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "Users — Staff" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = requireStaff(context, request);
  const query = new URL(request.url).searchParams.get("q")?.slice(0, 100) ?? "";
  return { users: await context.api.staff.users.search({ query }), query, meId: me.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireStaff(context, request);
  const form = await request.formData();
  const userId = formString(form, "userId");
  const intent = formString(form, "intent");
  if (intent === "grant-seller" || intent === "revoke-seller") {
    const result = await attempt(() =>
      context.api.staff.users.setSeller({ userId, seller: intent === "grant-seller" }),
    );
    return result.ok
      ? {
          ok: true as const,
          message: `${result.value.email}: seller role ${intent === "grant-seller" ? "granted" : "revoked"}.`,
        }
      : failed(result);
  }
  if (intent === "disable" || intent === "enable") {
    const result = await attempt(() =>
      context.api.staff.users.setDisabled({ userId, disabled: intent === "disable" }),
    );
    return result.ok
      ? {
          ok: true as const,
          message: `${result.value.email} ${intent === "disable" ? "disabled; their sessions ended" : "enabled"}.`,
        }
      : failed(result);
  }
  return failed(formFailure("Unknown action."));
}

export default function StaffUsers() {
  const { users, query, meId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="panel">
      <p>
        <Link to="/staff">← Staff</Link>
      </p>
      <h1>Users</h1>
      {result?.ok ? (
        <Notice tone="success">{result.message}</Notice>
      ) : (
        <FormError message={result?.formError} />
      )}
      <Form method="get" className="search-row" role="search">
        <input
          type="search"
          name="q"
          defaultValue={query}
          placeholder="Email or name"
          aria-label="Search users"
        />
        <button type="submit">Search</button>
      </Form>
      <table className="table">
        <thead>
          <tr>
            <th>User</th>
            <th>Roles</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                {u.displayName}
                <br />
                <span className="muted small">{u.email}</span>{" "}
                {u.emailVerified ? null : <span className="badge warn">unverified</span>}{" "}
                {u.disabled ? <span className="badge warn">disabled</span> : null}
              </td>
              <td>
                {Object.entries(u.roles)
                  .filter(([, on]) => on)
                  .map(([role]) => role)
                  .join(", ")}
              </td>
              <td>
                {u.id === meId ? (
                  <span className="muted">you</span>
                ) : (
                  <Form method="post" className="row">
                    <input type="hidden" name="userId" value={u.id} />
                    {u.roles.staff ? null : (
                      <button
                        type="submit"
                        name="intent"
                        value={u.roles.seller ? "revoke-seller" : "grant-seller"}
                        className="secondary small"
                      >
                        {u.roles.seller ? "Revoke seller" : "Make seller"}
                      </button>
                    )}
                    <button
                      type="submit"
                      name="intent"
                      value={u.disabled ? "enable" : "disable"}
                      className="secondary small"
                    >
                      {u.disabled ? "Enable" : "Disable"}
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
