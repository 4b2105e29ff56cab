import type { MetricSettings } from "@/lib/metrics/settings";
import type { SegmentRule } from "./rule-schema";

/** A saved segment another rule refers to ("is in segment X"). */
export type ResolvedSegment = { id: string; name: string; rule: SegmentRule };

/**
 * Looks up a segment by id for the "membership of another segment" condition; null when there is none in the
 * workspace. The segments table is not part of this module: its owner passes a resolver that reads it, tests
 * pass one over a Map.
 */
export type SegmentResolver = (id: string) => Promise<ResolvedSegment | null> | ResolvedSegment | null;

/** What compiling a rule needs to know about the workspace, and the clock it runs on. */
export type SegmentCompileContext = {
  workspaceId: string;
  /** IANA zone whose calendar days bound every "N days" window. */
  timeZone: string;
  /** Signup, activation, onboarding and purchase event names (lib/metrics/settings.ts). */
  settings: MetricSettings;
  /** "Now", injectable so tests and simulated journeys can run at any instant. */
  now: Date;
  resolveSegment?: SegmentResolver;
  /** The segment this rule belongs to, when it is saved: a reference back to it is a cycle. */
  self?: { id: string; name: string };
  /** Where the rule sits in a request body (e.g. ["rule"]), so errors name the path the client sent. */
  pathPrefix?: (string | number)[];
  /**
   * Evaluate the rule for these customers only (the caller restricts `c` to them too): every subquery reads
   * just their rows. Ingest's incremental refresh passes the customers a batch touched.
   */
  onlyCustomers?: readonly number[];
  /**
   * Events this transaction just stored for those customers (ingest's batch; `day` is the local day). They are
   * in the database already; they only spare lookups: a customer whose own new event satisfies "performed X in
   * the window" is known to, without reading their history (every active customer of a batch, for "no activity
   * in 30 days").
   */
  batchActivity?: readonly BatchEvent[];
};

/** An event as ingest stored it, as far as rules can use it. */
export type BatchEvent = { customerId: number; type: string; name: string | null; day: string };
