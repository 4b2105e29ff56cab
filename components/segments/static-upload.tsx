"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { formatNumber } from "@/lib/format";
import { segmentsApi, type UploadResult } from "./api";

/** Lines of the box as identifiers: one per line, blank lines skipped. */
export function identifiersOf(text: string): string[] {
  return text
    .split("\n")
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/**
 * A static segment's members come from a list: user ids or emails, one per line. "Replace" makes the list the
 * whole membership; "Add" keeps the current members. Lines that match no customer are listed back.
 */
export function StaticUpload({ segmentId }: { segmentId: string }) {
  const queryClient = useQueryClient();
  const boxId = useId();
  const [text, setText] = useState("");
  const [mode, setMode] = useState<"replace" | "append">("append");
  const upload = useMutation({
    mutationFn: () => segmentsApi.upload(segmentId, mode, identifiersOf(text)),
    onSuccess: async () => {
      setText("");
      await queryClient.invalidateQueries({ queryKey: ["segment", segmentId] });
    },
  });
  const count = identifiersOf(text).length;
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        upload.mutate();
      }}
    >
      <label htmlFor={boxId} className="block text-sm font-medium text-slate-700">
        User ids or emails, one per line
      </label>
      <textarea
        id={boxId}
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
        placeholder={"user_123\nana@example.com"}
      />
      <fieldset className="flex flex-wrap gap-4 text-sm text-slate-700">
        <legend className="sr-only">How to apply the list</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="upload-mode" checked={mode === "append"} onChange={() => setMode("append")} />
          Add to the current members
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="upload-mode" checked={mode === "replace"} onChange={() => setMode("replace")} />
          Replace the members with this list
        </label>
      </fieldset>
      <Button type="submit" disabled={count === 0 || upload.isPending}>
        {upload.isPending ? "Uploading…" : `Upload ${formatNumber(count)} ${count === 1 ? "line" : "lines"}`}
      </Button>
      {upload.isError ? <Notice tone="error">{upload.error.message}</Notice> : null}
      {upload.data ? <UploadSummary result={upload.data} /> : null}
    </form>
  );
}

function UploadSummary({ result }: { result: UploadResult }) {
  return (
    <div className="space-y-2">
      <Notice tone="success">
        {formatNumber(result.matched)} matched a customer: {formatNumber(result.added)} added,{" "}
        {formatNumber(result.removed)} removed.
        {result.unmatched.length > 0 ? ` ${formatNumber(result.unmatched.length)} matched nobody (below).` : ""}
      </Notice>
      {result.unmatched.length > 0 ? (
        <ul className="max-h-40 overflow-auto text-xs text-slate-700" aria-label="Lines that matched no customer">
          {result.unmatched.map((u) => (
            <li key={`${u.line}-${u.value}`}>
              Line {u.line}: {u.value}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
