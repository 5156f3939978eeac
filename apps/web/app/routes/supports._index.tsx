import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../.server/require-user";
import { STATUS_LABELS } from "../components/support-thread";

export const meta: MetaFunction = () => [{ title: "My Supports — DigiStore" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  return { requests: await context.api.support.mine() };
}

export default function MySupports() {
  const { requests } = useLoaderData<typeof loader>();
  return (
    <section className="panel">
      <h1>My Supports</h1>
      {requests.length === 0 ? (
        <p className="muted">
          No support requests. Ask a seller for help from <Link to="/library">My Products</Link>.
        </p>
      ) : (
        <table className="table" data-testid="my-supports">
          <thead>
            <tr>
              <th>Request</th>
              <th>Product</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/supports/${r.id}`}>{r.subject}</Link>{" "}
                  {r.unread ? <span className="badge">new reply</span> : null}
                </td>
                <td>{r.productTitle}</td>
                <td>{STATUS_LABELS[r.status] ?? r.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
