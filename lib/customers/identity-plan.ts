import type { NormalizedMessage } from "@/lib/ingest/message";
import { isBlocked } from "./blocked";

/**
 * Identity resolution for one batch, as a pure function over what the database already knows. It decides,
 * message by message in the order received, which customer each message belongs to, which customers are new,
 * which anonymous profiles are claimed by a user id, and which profiles merge. The caller applies the plan.
 *
 * Rules (docs/identity.md):
 * - a userId names one customer; an anonymousId belongs to one customer at a time;
 * - an anonymous-only profile (no user id yet) seen with a userId is that user's profile: it is claimed when
 *   the user is new, and merged into the user's profile when the user already exists;
 * - an anonymousId already tied to another user merges the two users' profiles only while the profile would
 *   carry at most `maxUsersPerAnonymousId` user ids (the per-identifier limit, default 1: never); past the
 *   limit the message goes to its userId's customer and a merge_limit issue is logged;
 * - alias(previousId → userId) explicitly merges previousId's customer into userId's;
 * - blocked values (null, undefined, 0, anonymous, …) are ignored as identifiers and logged.
 */
export type KnownCustomer = {
  id: number;
  externalId: string | null;
  /** User ids the profile carries; when not loaded, 1 for a profile with an external id, else 0. */
  userCount?: number;
};

export type PlanOptions = { maxUsersPerAnonymousId: number };

export type IdentityState = {
  /** user_id value → customer id */
  users: Map<string, number>;
  /** anonymous_id value → customer id */
  anonymous: Map<string, number>;
  /** Known customers by id (their external id tells whether they are anonymous-only). */
  customers: Map<number, KnownCustomer>;
};

export type Issue = {
  kind: "blocked_identifier" | "merge_limit";
  identifierKind: "user_id" | "anonymous_id";
  identifierValue: string;
  details: Record<string, unknown>;
};

export type IdentityPlan = {
  /** Customer (real id, or a negative placeholder for a new one) per message index; null when rejected. */
  assignments: (number | null)[];
  /** New customers by placeholder id, with the user id they start with (null: anonymous-only). */
  created: Map<number, { externalId: string | null }>;
  /** Existing anonymous-only customers that now carry a user id. */
  claimed: Map<number, string>;
  /** loser → winner, each resolved to its final survivor. */
  merges: Map<number, number>;
  /** Identifier mappings to insert (kind, value → customer). */
  newIdentities: { kind: "user_id" | "anonymous_id"; value: string; customerId: number }[];
  issues: Issue[];
  /** Indices of messages left without any usable identifier (every id blocked). */
  unidentified: number[];
};

export function planIdentities(
  messages: readonly NormalizedMessage[],
  state: IdentityState,
  blocked: Set<string>,
  options: PlanOptions = { maxUsersPerAnonymousId: 1 },
): IdentityPlan {
  const users = new Map(state.users);
  const anonymous = new Map(state.anonymous);
  const externalOf = new Map<number, string | null>([...state.customers].map(([id, c]) => [id, c.externalId]));
  const userCount = new Map<number, number>(
    [...state.customers].map(([id, c]) => [id, c.userCount ?? (c.externalId === null ? 0 : 1)]),
  );
  const usersOf = (id: number) => userCount.get(id) ?? 0;
  const withinLimit = (users: number) => users <= options.maxUsersPerAnonymousId;
  const parent = new Map<number, number>();
  const created = new Map<number, { externalId: string | null }>();
  const claimed = new Map<number, string>();
  const identities = new Map<string, { kind: "user_id" | "anonymous_id"; value: string }>();
  const issues: Issue[] = [];
  const loggedBlocked = new Set<string>();
  let nextPlaceholder = -1;

  const find = (id: number): number => {
    let root = id;
    while (parent.has(root)) root = parent.get(root)!;
    return root;
  };
  const newCustomer = (externalId: string | null) => {
    const id = nextPlaceholder--;
    created.set(id, { externalId });
    externalOf.set(id, externalId);
    userCount.set(id, externalId === null ? 0 : 1);
    return id;
  };
  const link = (kind: "user_id" | "anonymous_id", value: string, customerId: number) => {
    (kind === "user_id" ? users : anonymous).set(value, customerId);
    identities.set(`${kind}\u0000${value}`, { kind, value });
  };
  const usable = (kind: "user_id" | "anonymous_id", value: string | null): string | null => {
    if (value === null) return null;
    if (!isBlocked(value, blocked)) return value;
    if (!loggedBlocked.has(`${kind}:${value}`)) {
      loggedBlocked.add(`${kind}:${value}`);
      issues.push({ kind: "blocked_identifier", identifierKind: kind, identifierValue: value, details: {} });
    }
    return null;
  };
  const merge = (loser: number, winner: number) => {
    const a = find(loser);
    const b = find(winner);
    if (a === b) return;
    parent.set(a, b);
    userCount.set(b, usersOf(a) + usersOf(b));
  };
  const customerOf = (map: Map<string, number>, value: string) => {
    const id = map.get(value);
    return id === undefined ? undefined : find(id);
  };

  const assignments = messages.map((m): number | null => {
    const userId = usable("user_id", m.userId);
    const anonymousId = usable("anonymous_id", m.anonymousId);

    if (m.type === "alias" && userId) {
      const previous = m.previousId && !isBlocked(m.previousId, blocked) ? m.previousId : null;
      const fromCustomer = previous ? (customerOf(users, previous) ?? customerOf(anonymous, previous)) : undefined;
      const toCustomer = customerOf(users, userId);
      if (fromCustomer === undefined) {
        const target = toCustomer ?? newCustomer(userId);
        if (toCustomer === undefined) link("user_id", userId, target);
        if (previous) link("anonymous_id", previous, target);
        return target;
      }
      if (toCustomer === undefined) {
        link("user_id", userId, fromCustomer);
        if (externalOf.get(fromCustomer) === null) {
          externalOf.set(fromCustomer, userId);
          userCount.set(fromCustomer, 1);
          if (fromCustomer > 0) claimed.set(fromCustomer, userId);
          else created.set(fromCustomer, { externalId: userId });
        }
        return fromCustomer;
      }
      merge(fromCustomer, toCustomer);
      return toCustomer;
    }

    if (userId) {
      let customer = customerOf(users, userId);
      const anonCustomer = anonymousId ? customerOf(anonymous, anonymousId) : undefined;
      if (customer === undefined) {
        if (anonCustomer !== undefined && externalOf.get(anonCustomer) === null) {
          customer = anonCustomer;
          externalOf.set(customer, userId);
          userCount.set(customer, 1);
          if (customer > 0) claimed.set(customer, userId);
          else created.set(customer, { externalId: userId });
        } else if (anonCustomer !== undefined && withinLimit(usersOf(anonCustomer) + 1)) {
          // The anonymous id's profile may carry one more user: this user id joins it.
          customer = anonCustomer;
          userCount.set(customer, usersOf(customer) + 1);
        } else {
          customer = newCustomer(userId);
          if (anonCustomer !== undefined) {
            issues.push(limitIssue(anonymousId!, userId, externalOf.get(anonCustomer) ?? null));
          } else if (anonymousId) {
            link("anonymous_id", anonymousId, customer);
          }
        }
        link("user_id", userId, customer);
        return customer;
      }
      if (anonymousId) {
        if (anonCustomer === undefined) link("anonymous_id", anonymousId, customer);
        else if (anonCustomer !== customer) {
          if (externalOf.get(anonCustomer) === null) merge(anonCustomer, customer);
          else if (withinLimit(usersOf(anonCustomer) + usersOf(customer))) merge(anonCustomer, customer);
          else issues.push(limitIssue(anonymousId, userId, externalOf.get(anonCustomer) ?? null));
        }
      }
      return customer;
    }

    if (anonymousId) {
      const existing = customerOf(anonymous, anonymousId);
      if (existing !== undefined) return existing;
      const customer = newCustomer(null);
      link("anonymous_id", anonymousId, customer);
      return customer;
    }
    return null;
  });

  const merges = new Map<number, number>();
  for (const loser of parent.keys()) merges.set(loser, find(loser));
  const unidentified = assignments.flatMap((a, i) => (a === null ? [i] : []));
  const newIdentities = [...identities.values()].map((i) => ({
    ...i,
    customerId: find((i.kind === "user_id" ? users : anonymous).get(i.value)!),
  }));
  return {
    assignments: assignments.map((a) => (a === null ? null : find(a))),
    created,
    claimed,
    merges,
    newIdentities,
    issues,
    unidentified,
  };
}

function limitIssue(anonymousId: string, userId: string, heldBy: string | null): Issue {
  return {
    kind: "merge_limit",
    identifierKind: "anonymous_id",
    identifierValue: anonymousId,
    details: { userId, alreadyBelongsTo: heldBy },
  };
}
