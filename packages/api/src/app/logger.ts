/** The slice of a logger the composition root writes to (pino's Logger fits it). */
export interface AppLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
