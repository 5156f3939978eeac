import { majorAmount } from "@digistore/core";
import { DescriptionField } from "./description-field";
import { Field } from "./form";

interface ProductDefaults {
  readonly title?: string;
  readonly slug?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly price?: { amount: number; currency: string };
  readonly supportPrice?: { amount: number; currency: string } | null;
  readonly categoryId?: string | null;
  readonly payWhatYouWant?: boolean;
  readonly suggestedPrice?: { amount: number; currency: string } | null;
}

function major(amount: number | undefined, currency: string): string {
  return amount === undefined ? "" : majorAmount({ amount, currency });
}

/** The product form's fields, shared by "new" and "edit". */
export function ProductFields({
  defaults = {},
  categories,
  errors,
}: {
  defaults?: ProductDefaults;
  categories: readonly { id: string; name: string }[];
  errors: Record<string, readonly string[] | undefined>;
}) {
  const currency = defaults.price?.currency ?? "USD";
  return (
    <>
      <Field
        label="Title"
        name="title"
        defaultValue={defaults.title}
        required
        errors={errors.title}
      />
      <Field
        label="Address (slug)"
        name="slug"
        defaultValue={defaults.slug}
        errors={errors.slug}
        hint="Leave empty to make one from the title."
      />
      <Field
        label="Summary"
        name="summary"
        defaultValue={defaults.summary}
        errors={errors.summary}
        hint="One or two sentences for product cards."
      />
      <DescriptionField defaultValue={defaults.description} errors={errors.description} />
      <div className="row">
        <Field
          label="Price"
          name="price"
          inputMode="decimal"
          defaultValue={major(defaults.price?.amount, currency)}
          required
          errors={errors.price}
        />
        <Field
          label="Currency"
          name="currency"
          defaultValue={currency}
          maxLength={3}
          errors={errors.currency}
        />
        <Field
          label="Support price"
          name="supportPrice"
          inputMode="decimal"
          defaultValue={defaults.supportPrice ? major(defaults.supportPrice.amount, currency) : ""}
          errors={errors.supportPrice}
          hint="Empty: no paid support."
        />
      </div>
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" name="payWhatYouWant" defaultChecked={defaults.payWhatYouWant} />{" "}
          Pay what you want: the price above is the minimum
        </label>
      </div>
      <Field
        label="Suggested price"
        name="suggestedPrice"
        inputMode="decimal"
        defaultValue={
          defaults.suggestedPrice ? major(defaults.suggestedPrice.amount, currency) : ""
        }
        errors={errors.suggestedPrice}
        hint="Pay what you want only: where the buyer's amount starts. Empty: the minimum."
      />
      <div className="field">
        <label htmlFor="categoryId">Category</label>
        <select id="categoryId" name="categoryId" defaultValue={defaults.categoryId ?? ""}>
          <option value="">No category</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {errors.categoryId ? <p className="field-error">{errors.categoryId[0]}</p> : null}
      </div>
    </>
  );
}
