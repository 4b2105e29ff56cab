"use client";

import { Button } from "@/components/ui/button";
import type { CsvRecord } from "@/lib/imports/csv";
import type { RejectedRow } from "@/lib/imports/outcome";
import { rejectedRowsCsv } from "@/lib/imports/rejected-file";

/** Saves the rejected rows, with their lines and problems, as a CSV to fix and import again. */
export function DownloadRejected({
  fileName,
  header,
  rows,
  rejected,
}: {
  fileName: string;
  header: readonly string[];
  rows: readonly CsvRecord[];
  rejected: readonly RejectedRow[];
}) {
  const download = () => {
    const blob = new Blob([rejectedRowsCsv(header, rows, rejected)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `${fileName.replace(/\.(csv|tsv|txt)$/i, "")}-rejected-rows.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };
  return (
    <Button type="button" variant="secondary" onClick={download}>
      Download rejected rows (CSV)
    </Button>
  );
}
