import { useState } from "react";
import { finalUrl, UTM_FORM_FIELDS, type UtmFormName } from "../lib/final-url";
import { Field } from "./form";

export interface LinkProductOption {
  readonly id: string;
  readonly title: string;
  /** The product's page, where a link to it sends visitors. */
  readonly url: string;
}

type Errors = Record<string, readonly string[] | undefined>;

/**
 * Where a link goes: an address or (sellers) one of their products, UTM tags and an expiry,
 * with the final address shown as it is typed. Shared by "new link" and the link's edit form.
 */
export function LinkFields({
  defaults,
  products,
  errors,
}: {
  defaults: Partial<Record<string, string>>;
  products: readonly LinkProductOption[] | null;
  errors: Errors;
}) {
  const [target, setTarget] = useState(defaults.targetUrl ?? "");
  const [productId, setProductId] = useState(defaults.productId ?? "");
  const [utm, setUtm] = useState<Partial<Record<UtmFormName, string>>>(() =>
    Object.fromEntries(UTM_FORM_FIELDS.map((f) => [f.name, defaults[f.name] ?? ""])),
  );
  const product = products?.find((p) => p.id === productId);
  const preview = finalUrl(product ? product.url : target, utm);
  const utmOpen = UTM_FORM_FIELDS.some((f) => defaults[f.name] || errors[f.name]);
  return (
    <>
      <Field
        label="Target address"
        name="targetUrl"
        type="url"
        inputMode="url"
        placeholder="https://example.com/page"
        defaultValue={defaults.targetUrl}
        onChange={(event) => setTarget(event.currentTarget.value)}
        errors={errors.targetUrl}
        hint={products ? "Or choose one of your products below (one of the two)." : undefined}
      />
      {products ? <ProductPicker {...{ products, productId, setProductId, errors }} /> : null}
      <details className="utm-fields" open={utmOpen}>
        <summary>UTM tags (optional)</summary>
        <p className="hint">
          Added to the target so your analytics tool sees where visits came from.
        </p>
        <div className="row">
          {UTM_FORM_FIELDS.map((f) => (
            <Field
              key={f.name}
              label={f.label}
              name={f.name}
              placeholder={f.example}
              maxLength={200}
              defaultValue={defaults[f.name]}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setUtm((current) => ({ ...current, [f.name]: value }));
              }}
              errors={errors[f.name]}
            />
          ))}
        </div>
      </details>
      <Field
        label="Expires (UTC, optional)"
        name="expiresAt"
        type="datetime-local"
        defaultValue={defaults.expiresAt}
        errors={errors.expiresAt}
        hint="After this the short link answers “gone”. Leave empty to keep it working."
      />
      <div className="final-url" aria-live="polite">
        <span className="muted small">Visitors land on</span>
        <code data-testid="final-url">{preview ?? "—"}</code>
      </div>
    </>
  );
}

function ProductPicker({
  products,
  productId,
  setProductId,
  errors,
}: {
  products: readonly LinkProductOption[];
  productId: string;
  setProductId: (id: string) => void;
  errors: Errors;
}) {
  const invalid = Boolean(errors.productId?.length);
  return (
    <div className={`field${invalid ? " invalid" : ""}`}>
      <label htmlFor="productId">One of your products</label>
      <select
        id="productId"
        name="productId"
        defaultValue={productId}
        onChange={(event) => setProductId(event.currentTarget.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? "productId-error" : undefined}
      >
        <option value="">— none: use the address above —</option>
        {products.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
      {products.length === 0 ? <p className="hint">Publish a product to link to it here.</p> : null}
      {invalid ? (
        <p className="field-error" id="productId-error">
          {errors.productId?.[0]}
        </p>
      ) : null}
    </div>
  );
}
