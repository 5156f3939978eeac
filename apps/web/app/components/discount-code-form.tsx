import { Form } from "@remix-run/react";

/**
 * "Have a code?": a GET form, so applying one reloads the checkout with `?code=` and works
 * without JavaScript; the page then shows the price before and after, or why it does not apply.
 */
export function DiscountCodeForm(props: {
  code: string | null;
  applied: string | null;
  refusal: string | null;
}) {
  return (
    <Form method="get" className="discount-code" aria-label="Discount code">
      <div className="field">
        <label htmlFor="code">Discount code</label>
        <div className="inline-field">
          <input
            id="code"
            name="code"
            defaultValue={props.code ?? ""}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={64}
            aria-invalid={props.refusal ? true : undefined}
            aria-describedby={props.refusal ? "code-error" : undefined}
          />
          <button type="submit" className="secondary">
            Apply
          </button>
        </div>
        {props.refusal ? (
          <p id="code-error" className="field-error" role="alert">
            {props.refusal}
          </p>
        ) : null}
      </div>
    </Form>
  );
}
