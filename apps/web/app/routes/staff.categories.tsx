import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { attempt, failed, formFailure, formString } from "../.server/form-result";
import { requireStaff } from "../.server/require-staff";
import { Field, FormError, Notice } from "../components/form";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction = () => [{ title: "Categories — Staff" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireStaff(context, request);
  return { categories: await context.api.staff.categories.list() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireStaff(context, request);
  const form = await request.formData();
  const intent = formString(form, "intent");
  const categoryId = formString(form, "categoryId");
  if (intent === "create") {
    const result = await attempt(() =>
      context.api.staff.categories.create({ name: formString(form, "name") }),
    );
    return result.ok
      ? { ok: true as const, message: `Created “${result.value.name}”.` }
      : failed(result);
  }
  if (intent === "rename") {
    const result = await attempt(() =>
      context.api.staff.categories.update({ categoryId, name: formString(form, "name") }),
    );
    return result.ok ? { ok: true as const, message: "Renamed." } : failed(result);
  }
  if (intent === "hide" || intent === "show") {
    const result = await attempt(() =>
      context.api.staff.categories.update({ categoryId, hidden: intent === "hide" }),
    );
    return result.ok
      ? {
          ok: true as const,
          message: intent === "hide" ? "Hidden from the store." : "Visible again.",
        }
      : failed(result);
  }
  if (intent === "up" || intent === "down") {
    const ids = form.getAll("order").map(String);
    const index = ids.indexOf(categoryId);
    const swap = intent === "up" ? index - 1 : index + 1;
    if (index < 0 || swap < 0 || swap >= ids.length)
      return { ok: true as const, message: "Order unchanged." };
    [ids[index], ids[swap]] = [ids[swap]!, ids[index]!];
    const result = await attempt(() => context.api.staff.categories.reorder({ categoryIds: ids }));
    return result.ok ? { ok: true as const, message: "Order saved." } : failed(result);
  }
  return failed(formFailure("Unknown action."));
}

export default function StaffCategories() {
  const { categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="panel">
      <p>
        <Link to="/staff">← Staff</Link>
      </p>
      <h1>Categories</h1>
      {result?.ok ? (
        <Notice tone="success">{result.message}</Notice>
      ) : (
        <FormError message={result?.formError} />
      )}
      <table className="table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Slug</th>
            <th>Order</th>
            <th>Visibility</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.id}>
              <td>
                <Form method="post" className="row">
                  <input type="hidden" name="categoryId" value={c.id} />
                  <input
                    name="name"
                    defaultValue={c.name}
                    aria-label={`Name of ${c.name}`}
                    maxLength={60}
                  />
                  <button type="submit" name="intent" value="rename" className="secondary small">
                    Rename
                  </button>
                </Form>
              </td>
              <td>
                <code>{c.slug}</code>
              </td>
              <td>
                <Form method="post" className="row">
                  <input type="hidden" name="categoryId" value={c.id} />
                  {categories.map((o) => (
                    <input key={o.id} type="hidden" name="order" value={o.id} />
                  ))}
                  <button
                    type="submit"
                    name="intent"
                    value="up"
                    className="secondary small"
                    aria-label={`Move ${c.name} up`}
                  >
                    ↑
                  </button>
                  <button
                    type="submit"
                    name="intent"
                    value="down"
                    className="secondary small"
                    aria-label={`Move ${c.name} down`}
                  >
                    ↓
                  </button>
                </Form>
              </td>
              <td>
                <Form method="post">
                  <input type="hidden" name="categoryId" value={c.id} />
                  <button
                    type="submit"
                    name="intent"
                    value={c.hidden ? "show" : "hide"}
                    className="secondary small"
                  >
                    {c.hidden ? "Hidden — show" : "Visible — hide"}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>New category</h2>
      <Form method="post" noValidate>
        <Field
          label="Name"
          name="name"
          required
          errors={result && !result.ok ? result.fieldErrors.name : undefined}
        />
        <button type="submit" name="intent" value="create">
          Add category
        </button>
      </Form>
    </section>
  );
}
