/** Remix turns a thrown Response into the error boundary's 404 page. */
export function notFound(): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw new Response("Not found", { status: 404 });
}

/** Loads something by an id or slug from the URL: unknown or malformed ones are a 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
}
