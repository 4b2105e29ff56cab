import { Notice } from "@/components/ui/notice";
import { formatNumber } from "@/lib/format";
import type { ImportFile } from "@/lib/imports/read-file";

const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

/** What was read from the file, and anything about it a person should know before mapping. */
export function FileFacts({ name, size, file }: { name: string; size: number; file: ImportFile }) {
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700" data-testid="file-facts">
        <span className="font-medium">{name}</span> · {formatSize(size)} · {formatNumber(file.rows.length)} rows below
        the header · {file.header.length} columns, {DELIMITER_NAMES[file.delimiter] ?? file.delimiter} separated
      </p>
      {file.problem ? (
        <Notice tone="error">
          Line {file.problem.line}: {file.problem.message} The {formatNumber(file.rows.length)} rows before it can be
          imported.
        </Notice>
      ) : null}
      {file.warnings.map((warning) => (
        <Notice key={warning} tone="info">
          {warning}
        </Notice>
      ))}
      {file.rows.length === 0 ? <Notice tone="error">The file has no rows below the header line.</Notice> : null}
    </div>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
