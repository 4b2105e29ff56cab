/**
 * Typed domain errors. Adapters (route handlers, server actions, pages) turn them into HTTP statuses and
 * readable messages; domain code never builds responses itself.
 */
export class DomainError extends Error {
  readonly status: number = 500;
}

export class NotFound extends DomainError {
  override readonly status = 404;
  override name = "NotFound";
}

export class Forbidden extends DomainError {
  override readonly status = 403;
  override name = "Forbidden";
}

export class Unauthenticated extends DomainError {
  override readonly status = 401;
  override name = "Unauthenticated";
}

/** Bad input; `fields` maps a field path (e.g. "email") to what is wrong with it. */
export class Invalid extends DomainError {
  override readonly status = 400;
  override name = "Invalid";
  constructor(
    message: string,
    public readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export class Conflict extends DomainError {
  override readonly status = 409;
  override name = "Conflict";
}

/** A query ran past its time budget: the request was valid but asks too much of this much data. */
export class TooSlow extends DomainError {
  override readonly status = 422;
  override name = "TooSlow";
}
