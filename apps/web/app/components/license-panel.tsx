import { Form } from "@remix-run/react";
import { CopyButton } from "./copy-button";
import { LicenseStatusBadge } from "./license-status-badge";

interface LicenseView {
  readonly key: string;
  readonly status: "active" | "suspended" | "revoked" | "disabled" | "expired";
  readonly activationLimit: number | null;
  readonly expiresAt: string | null;
  readonly activations: readonly { id: string; instanceName: string; createdAt: string }[];
}

/** The owner's key for a product, with the machines it is active on and a way to free one. */
export function LicensePanel({ license }: { license: LicenseView }) {
  return (
    <section className="panel" data-testid="license">
      <h2>Licence key</h2>
      <p className="row">
        <code className="license-key" data-testid="license-key">
          {license.key}
        </code>{" "}
        <CopyButton text={license.key} label="Copy key" />
      </p>
      <p>
        <LicenseStatusBadge status={license.status} />{" "}
        <span className="muted small">
          {license.activationLimit === null
            ? "Unlimited machines"
            : `${license.activations.length} of ${license.activationLimit} machines in use`}
          {license.expiresAt ? ` · valid until ${new Date(license.expiresAt).toDateString()}` : ""}
        </span>
      </p>
      {license.activations.length ? (
        <ul className="plain-list">
          {license.activations.map((a) => (
            <li key={a.id} className="row">
              <span>
                {a.instanceName}{" "}
                <span className="muted small">since {new Date(a.createdAt).toDateString()}</span>
              </span>
              <Form method="post">
                <input type="hidden" name="activationId" value={a.id} />
                <button type="submit" name="intent" value="release" className="secondary small">
                  Release
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
