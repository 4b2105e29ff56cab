import { DomainError } from "@/lib/errors";

/** A request body above the import's per-request limit: answered 413 so the client sends smaller chunks. */
export class TooLarge extends DomainError {
  override readonly status = 413;
  override name = "TooLarge";
}
