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
  // Column names of Zendesk, Freshdesk, Help Scout and Intercom exports among the synonyms.
  tickets: [
    ["ticket_id", ["ticketid", "id", "ticket", "ticketnumber", "number", "conversationid", "externalid"]],
    ["user_id", ["userid", "requesterexternalid", "customerid", "externaluserid", "requesterid", "uid"]],
    ["email", ["requesteremail", "email", "customeremail", "contactemail", "emailaddress", "requester"]],
    ["channel", ["channel", "via", "source", "medium", "type"]],
    ["created_at", ["createdat", "created", "createddate", "opened", "openedat", "date"]],
    ["status", ["status", "state", "ticketstatus"]],
    ["solved_at", ["solvedat", "solved", "resolvedat", "resolved", "solveddate", "closedat"]],
    ["reopened_at", ["reopenedat", "reopened", "reopenedtimes"]],
    ["first_reply_at", ["firstreplyat", "firstresponseat", "firstagentreplyat", "firstrepliedat", "firstreply"]],
    ["updated_at", ["updatedat", "updated", "lastupdated", "lastupdatedat", "modifiedat"]],
    ["category", ["category", "topic", "group", "type", "tickettype", "issuetype"]],
    ["tags", ["tags", "tag", "labels"]],
    ["priority", ["priority", "urgency"]],
    ["subject", ["subject", "title", "summary"]],
    ["assignee", ["assignee", "agent", "assignedto", "owner"]],
    ["satisfaction_rating", ["satisfactionrating", "satisfactionscore", "csat", "rating", "satisfaction"]],
    ["satisfaction_comment", ["satisfactioncomment", "csatcomment", "ratingcomment", "feedback"]],
  ],
};

/** The extra columns of the rejected-rows download: left out when that file is fixed and imported again. */
export const REJECTED_FILE_COLUMNS = ["import_line", "import_problem"] as const;

export function normalizeColumnName(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]+/g, "");
}

export function autoMap(kind: ImportKind, header: readonly string[]): ColumnMapping[] {
  const names = header.map(normalizeColumnName);
  const excluded = header.map((name) => (REJECTED_FILE_COLUMNS as readonly string[]).includes(name.trim()));
  // Tickets have no free-form fields: a column no field claims is left out.
  const mapping: ColumnMapping[] = header.map((name, i) =>
    excluded[i] || kind === "tickets"
      ? { target: "ignore" }
      : { target: kind === "customers" ? "trait" : "property", key: name },
  );
  for (const [target, synonyms] of SYNONYMS[kind]) {
    for (const synonym of synonyms) {
      const index = names.findIndex((n, i) => n === synonym && !excluded[i] && !isField(mapping[i]));
      if (index !== -1) {
        mapping[index] = { target };
        break;
      }
    }
  }
  return mapping;
}

function isField(column: ColumnMapping | undefined): boolean {
  return (
    column !== undefined && column.target !== "trait" && column.target !== "property" && column.target !== "ignore"
  );
}
