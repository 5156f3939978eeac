/** The billing country field of every checkout (products and support). */
export function CountrySelect({
  countries,
  errors,
}: {
  countries: readonly { code: string; name: string }[];
  errors?: readonly string[] | undefined;
}) {
  return (
    <div className={`field${errors?.length ? " invalid" : ""}`}>
      <label htmlFor="country">Billing country</label>
      <select id="country" name="country" required defaultValue="">
        <option value="" disabled>
          Choose your country
        </option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      {errors?.length ? <p className="field-error">{errors[0]}</p> : null}
    </div>
  );
}
