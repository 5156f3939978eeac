import { listDevMail } from "@digistore/api";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound } from "../.server/not-found";

export const meta: MetaFunction = () => [{ title: "Dev mailbox — DigiStore" }];

/** Only exists while mail is written to disk instead of sent (no SMTP_URL). */
export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.devMailDir) {
    notFound();
  }
  return { mails: await listDevMail(context.devMailDir, { limit: 100 }) };
}

export default function DevMailbox() {
  const { mails } = useLoaderData<typeof loader>();
  return (
    <section className="panel">
      <h1>Dev mailbox</h1>
      <p className="muted">
        No SMTP server is configured, so emails are written to the data folder and shown here. Set
        <code> SMTP_URL</code> to send real email.
      </p>
      {mails.length === 0 ? (
        <p>No emails yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>To</th>
              <th>Subject</th>
              <th>Sent</th>
            </tr>
          </thead>
          <tbody>
            {mails.map((m) => (
              <tr key={m.id}>
                <td>{m.to}</td>
                <td>
                  <Link to={`/dev/mail/${m.id}`}>{m.subject}</Link>
                </td>
                <td>{new Date(m.sentAt).toUTCString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
