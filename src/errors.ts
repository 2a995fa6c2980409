/**
 * Errors a user can act on: their message says what went wrong and how to fix
 * it, so commands print the message alone, without a stack trace.
 */
export class AppError extends Error {
  override name = "AppError";
}
