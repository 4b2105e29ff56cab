import type { Metadata } from "next";
import { NewSegment } from "@/components/segments/new-segment";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New segment" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The builder for a new segment, empty, started from a template (?template=<key>), or a static list (?kind=static). */
export default async function NewSegmentPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageRole("marketing:write");
  const { template, kind } = await searchParams;
  return (
    <NewSegment
      templateKey={typeof template === "string" ? template : null}
      kind={kind === "static" ? "static" : "dynamic"}
    />
  );
}
