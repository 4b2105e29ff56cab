import type { ColumnMapping } from "./mapping";
import type { ImportKind, Target } from "./targets";

/**
 * A first guess at the mapping from the column names, so a file exported from a typical tool imports with no
 * changes: names are compared lower-cased without spaces, dashes or underscores ("User ID", "user_id" and
 * "userId" are one name). Each field takes the first column whose name is among its synonyms, in the order
 * listed (so "timestamp" beats "date" when a file has both); every other column becomes a trait or property.
 */
const SYNONYMS: Record<ImportKind, [Target, string[]][]> = {
  customers: [
    ["user_id", ["userid", "user", "id", "customerid", "customer", "externalid", "uid", "accountid"]],
    ["email", ["email", "emailaddress", "mail"]],
    ["phone", ["phone", "phonenumber", "mobile", "telephone", "tel"]],
    ["name", ["name", "fullname", "customername"]],
    ["timestamp", ["timestamp", "updatedat", "createdat", "signedupat", "signupdate", "signupat", "time", "date"]],
  ],
  events: [
    ["user_id", ["userid", "user", "customerid", "customer", "externalid", "uid", "id"]],
    ["anonymous_id", ["anonymousid", "anonid", "visitorid", "deviceid", "cookieid"]],
    ["event", ["event", "eventname", "name", "eventtype", "action"]],
    ["timestamp", ["timestamp", "time", "date", "datetime", "eventtime", "occurredat", "createdat", "sentat"]],
    ["message_id", ["messageid", "eventid"]],
  ],
};

/** The extra columns of the rejected-rows download: left out when that file is fixed and imported again. */
export const REJECTED_FILE_COLUMNS = ["import_line", "import_problem"] as const;

export function normalizeColumnName(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]+/g, "");
}

export function autoMap(kind: ImportKind, header: readonly string[]): ColumnMapping[] {
  const names = header.map(normalizeColumnName);
  const mapping: ColumnMapping[] = header.map((name) =>
    (REJECTED_FILE_COLUMNS as readonly string[]).includes(name.trim())
      ? { target: "ignore" }
      : { target: kind === "customers" ? "trait" : "property", key: name },
  );
  for (const [target, synonyms] of SYNONYMS[kind]) {
    for (const synonym of synonyms) {
      const index = names.findIndex((n, i) => n === synonym && mapping[i]?.target !== "ignore" && !isField(mapping[i]));
      if (index !== -1) {
        mapping[index] = { target };
        break;
      }
    }
  }
  return mapping;
}

function isField(column: ColumnMapping | undefined): boolean {
  return column !== undefined && column.target !== "trait" && column.target !== "property";
}
