import type { SegmentRule, SegmentRuleInput } from "@/lib/segments/rule-schema";

/**
 * The browser's side of the segments API (docs/segments-ui.md lists the endpoints). Every call throws an
 * ApiError carrying the status and the `fields` of a 400, so forms can put each message next to its field.
 */

export type SegmentKind = "dynamic" | "static";
export type SegmentStatus = "draft" | "active";

export type Segment = {
  id: string;
  name: string;
  description: string;
  kind: SegmentKind;
  status: SegmentStatus;
  /** Null for a static segment (its members are uploaded). */
  rule: SegmentRule | null;
  summary: string;
  /** Null for a draft dynamic segment: drafts keep no membership. */
  members: number | null;
  updatedAt: string;
  createdAt: string;
};

export type SegmentDetail = Segment & { enteredLast7Days: number; exitedLast7Days: number };

export type SegmentTemplate = { key: string; name: string; description: string; rule: SegmentRuleInput };

export type SampleCustomer = { id: number; userId: string | null; email: string | null };
export type Preview = { count: number; sample: SampleCustomer[]; summary: string };

export type Member = SampleCustomer & { enteredAt: string };
export type MembersPage = { members: Member[]; nextCursor: string | null; total: number };

export type HistoryPoint = { date: string; members: number };

export type UploadResult = {
  matched: number;
  added: number;
  removed: number;
  unmatched: { line: number; value: string }[];
};

export type SegmentInput = {
  name: string;
  description?: string;
  status: SegmentStatus;
  /** Absent for a static segment. */
  rule?: SegmentRuleInput;
  /** Only when creating; default dynamic. */
  kind?: SegmentKind;
};

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    cache: "no-store",
    ...init,
    headers: init.body ? { "content-type": "application/json", ...init.headers } : init.headers,
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as { error?: string; fields?: Record<string, string> } | null;
  if (!response.ok) {
    throw new ApiError(body?.error ?? `The server answered ${response.status}.`, response.status, body?.fields ?? {});
  }
  return body as T;
}

const json = (method: string, body: unknown, signal?: AbortSignal): RequestInit => ({
  method,
  body: JSON.stringify(body),
  signal,
});

export const segmentsApi = {
  list: () => api<{ segments: Segment[] }>("/api/v1/segments"),
  get: (id: string) => api<SegmentDetail>(`/api/v1/segments/${encodeURIComponent(id)}`),
  templates: () => api<SegmentTemplate[]>("/api/v1/segments/templates"),
  create: (input: SegmentInput) => api<Segment>("/api/v1/segments", json("POST", input)),
  update: (id: string, input: Partial<SegmentInput>) =>
    api<Segment>(`/api/v1/segments/${encodeURIComponent(id)}`, json("PATCH", input)),
  remove: (id: string) => api<void>(`/api/v1/segments/${encodeURIComponent(id)}`, { method: "DELETE" }),
  duplicate: (id: string) => api<Segment>(`/api/v1/segments/${encodeURIComponent(id)}/duplicate`, { method: "POST" }),
  preview: (rule: SegmentRuleInput, signal?: AbortSignal) =>
    api<Preview>("/api/v1/segments/preview", json("POST", { rule, sample: 10 }, signal)),
  members: (id: string, cursor: string | null) =>
    api<MembersPage>(
      `/api/v1/segments/${encodeURIComponent(id)}/members?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    ),
  history: (id: string) =>
    api<{ points: HistoryPoint[] }>(`/api/v1/segments/${encodeURIComponent(id)}/history?days=90`),
  upload: (id: string, mode: "replace" | "append", identifiers: string[]) =>
    api<UploadResult>(`/api/v1/segments/${encodeURIComponent(id)}/upload`, json("POST", { mode, identifiers })),
};

export const membersCsvHref = (id: string) => `/api/v1/segments/${encodeURIComponent(id)}/members.csv`;
