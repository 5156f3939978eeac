import { useState } from "react";
import { DescriptionPreview } from "./description-preview";

/** The Markdown description and, beside it, its live preview. */
export function DescriptionField({
  defaultValue = "",
  errors,
}: {
  defaultValue?: string | undefined;
  errors?: readonly string[] | undefined;
}) {
  const [markdown, setMarkdown] = useState(defaultValue);
  return (
    <div className={`field${errors ? " invalid" : ""}`}>
      <label htmlFor="description">Description (Markdown)</label>
      <div className="description-editor">
        <textarea
          id="description"
          name="description"
          rows={10}
          maxLength={20_000}
          defaultValue={defaultValue}
          onChange={(event) => setMarkdown(event.target.value)}
        />
        <DescriptionPreview markdown={markdown} />
      </div>
      {errors ? <p className="field-error">{errors[0]}</p> : null}
    </div>
  );
}
