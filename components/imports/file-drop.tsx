"use client";

import { useState } from "react";
import { MAX_FILE_BYTES } from "@/lib/imports/read-file";

/**
 * Where the CSV file comes in: dropped on the area, or chosen with the file input inside it (a real input,
 * so Tab reaches it and Enter or Space opens the file picker).
 */
export function FileDrop({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const accept = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setError(`${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; split it into files of at most 50 MB.`);
      return;
    }
    setError(null);
    onFile(file);
  };
  return (
    <div className="space-y-2">
      <label
        htmlFor="import-file"
        onDragOver={(event) => {
          event.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          if (!disabled) accept(event.dataTransfer.files[0]);
        }}
        className={`flex cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-6 py-8 text-center text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 ${
          over ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-slate-50 hover:bg-slate-100"
        } ${disabled ? "cursor-not-allowed opacity-60" : ""}`}
      >
        <span className="font-medium text-slate-800">
          Drop a CSV file here, or <span className="text-brand-700 underline">choose a file</span>
        </span>
        <span className="text-xs text-slate-500">
          UTF-8 text with the column names on line 1; comma, semicolon or tab separated; up to 50 MB.
        </span>
        <input
          id="import-file"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          aria-label="Choose a CSV file"
          disabled={disabled}
          className="sr-only"
          onChange={(event) => {
            accept(event.currentTarget.files?.[0]);
            // Choosing the same file again (after fixing it) must fire onChange again.
            event.currentTarget.value = "";
          }}
        />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
