import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

interface Intent {
  readonly intent: string;
  readonly label: string;
}

/**
 * A two-way switch as a plain form (publish/archive, enable/disable): the action that turns a
 * thing on is the prominent button, the one that turns it off is secondary; a note says why.
 */
export function IntentToggle({
  offNow,
  turnOn,
  turnOff,
  note,
}: {
  offNow: boolean;
  turnOn: Intent;
  turnOff: Intent;
  note: ReactNode;
}) {
  return (
    <Form method="post" className="row">
      {offNow ? (
        <button type="submit" name="intent" value={turnOn.intent}>
          {turnOn.label}
        </button>
      ) : (
        <button type="submit" name="intent" value={turnOff.intent} className="secondary">
          {turnOff.label}
        </button>
      )}
      <p className="muted">{note}</p>
    </Form>
  );
}
