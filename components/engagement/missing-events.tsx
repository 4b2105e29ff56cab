import Link from "next/link";

/**
 * Says which configured events this workspace has never received, so a zero reads as "not tracked (or a typo
 * in settings)" rather than "nobody did it". Admins get the link to fix the names.
 */
export function MissingEvents({ names, what, canEdit }: { names: string[]; what: string; canEdit: boolean }) {
  if (names.length === 0) return null;
  return (
    <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
      {names.length === 1 ? "The event" : "The events"} {names.map((n) => `“${n}”`).join(", ")}{" "}
      {names.length === 1 ? "has" : "have"} never been received in this workspace, so {what} stays at zero.{" "}
      {canEdit ? (
        <>
          Send {names.length === 1 ? "it" : "them"} from your product, or name the events you do send in{" "}
          <Link href="/settings/metrics" className="font-medium underline">
            Settings → Metrics
          </Link>
          .
        </>
      ) : (
        "Send them from your product, or ask an admin to name the events you do send in Settings → Metrics."
      )}
    </p>
  );
}
