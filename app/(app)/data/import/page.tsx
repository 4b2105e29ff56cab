import type { Metadata } from "next";
import { ImportWizard } from "@/components/imports/import-wizard";
import { PageHeader } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import" };

/** CSV import of customers, historical events and support tickets; admins only, like the other ways data comes in. */
export default async function ImportPage() {
  const viewer = await requirePageRole("settings:manage");
  return (
    <>
      <PageHeader
        title="Import"
        description="Bring customers, their history and their support tickets in from a CSV file. Rows imported before are recognised, so a file can safely be imported again."
      />
      <ImportWizard timeZone={viewer.workspace.timeZone} />
    </>
  );
}
