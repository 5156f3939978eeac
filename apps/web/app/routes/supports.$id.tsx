import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { orNotFound } from "../.server/not-found";
import { requireUser } from "../.server/require-user";
import { supportThreadAction } from "../.server/support-thread-action";
import { SupportThread } from "../components/support-thread";

export const meta: MetaFunction = () => [{ title: "Support request — DigiStore" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  return { thread: await orNotFound(context.api.support.thread({ requestId: params.id ?? "" })) };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireUser(context, request);
  return supportThreadAction(context, params.id ?? "", await request.formData());
}

export default function SupportRequestPage() {
  const { thread } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/supports">← My Supports</Link>
      </p>
      <SupportThread thread={thread} result={result} />
    </>
  );
}
