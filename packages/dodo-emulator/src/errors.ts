/**
 * An error the emulator answers the way Dodo does: an HTTP status and a JSON body
 * `{ code, message }`. Control methods throw it too, so tests can assert on `status`/`code`.
 */
export class DodoApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "DodoApiError";
  }

  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

export function notFound(what: string, id: string): DodoApiError {
  return new DodoApiError(404, "NOT_FOUND", `${what} ${id} not found`);
}
