/** A tracking API failure with the status and JSON body Segment clients expect. */
export class TrackingHttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "TrackingHttpError";
  }
}
