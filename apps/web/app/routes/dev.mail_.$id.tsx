import { readDevMail } from "@digistore/api";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound } from "../.server/not-found";

export const meta: MetaFunction = () => [{ title: "Email — Dev mailbox" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const mail = context.devMailDir ? await readDevMail(context.devMailDir, params.id ?? "") : null;
  if (!mail) {
    notFound();
  }
  return { mail };
}

export default function DevMail() {
  const { mail } = useLoaderData<typeof loader>();
  return (
    <section className="panel">
      <p>
        <Link to="/dev/mail">← All emails</Link>
      </p>
      <h1>{mail.subject}</h1>
      <p className="muted">
        From {mail.from} to {mail.to} · {new Date(mail.sentAt).toUTCString()}
      </p>
      {/* Sandboxed: an email's HTML never runs scripts or touches this page; links open normally. */}
      <iframe
        title="Email body"
        className="mail-frame"
        sandbox="allow-popups allow-top-navigation-by-user-activation"
        srcDoc={mail.html}
      />
      <h2>Plain text</h2>
      <pre style={{ whiteSpace: "pre-wrap" }} data-testid="mail-text">
        {mail.text}
      </pre>
    </section>
  );
}
