"use client";

import { useQuery } from "@tanstack/react-query";
import { api, type Segment } from "./api";

/**
 * The builder's pickers, fed from what the workspace has sent (GET /api/v1/segments-catalog/…). Names change
 * rarely, so they stay fresh for five minutes; a failed lookup leaves the picker as a plain text box.
 */
const FIVE_MINUTES = 5 * 60_000;

export type CatalogEventName = { name: string; type: string; recentCount: number; recentCountCapped: boolean };

export function useEventNames() {
  return useQuery({
    queryKey: ["segments-catalog", "events"],
    queryFn: () => api<{ events: CatalogEventName[] }>("/api/v1/segments-catalog/events"),
    staleTime: FIVE_MINUTES,
    select: (data) => data.events,
  });
}

export function useEventProperties(event: string) {
  const name = event.trim();
  return useQuery({
    queryKey: ["segments-catalog", "properties", name],
    queryFn: () =>
      api<{ properties: { name: string; numeric: boolean }[] }>(
        `/api/v1/segments-catalog/properties?event=${encodeURIComponent(name)}`,
      ),
    enabled: name !== "" && name !== "$any",
    staleTime: FIVE_MINUTES,
    select: (data) => data.properties,
  });
}

export function useTraitNames() {
  return useQuery({
    queryKey: ["segments-catalog", "traits"],
    queryFn: () => api<{ traits: string[] }>("/api/v1/segments-catalog/traits"),
    staleTime: FIVE_MINUTES,
    select: (data) => data.traits,
  });
}

export type ValuesOf =
  | { of: "trait"; trait: string }
  | { of: "property"; event: string; property: string }
  | { of: "ticket_category" };

/** Example values of a trait, a property or the ticket categories; nothing is asked while a name is empty. */
export function useSampleValues(source: ValuesOf | null) {
  const params = source ? new URLSearchParams(source as Record<string, string>) : null;
  const complete = source !== null && [...(params?.values() ?? [])].every((v) => v.trim() !== "");
  return useQuery({
    queryKey: ["segments-catalog", "values", params?.toString() ?? ""],
    queryFn: () =>
      api<{ values: { value: string; count: number }[] }>(`/api/v1/segments-catalog/values?${params?.toString()}`),
    enabled: complete,
    staleTime: FIVE_MINUTES,
    select: (data) => data.values.map((v) => v.value),
  });
}

/** The saved segments, for "in another segment" and the segments list. */
export function useSegments() {
  return useQuery({
    queryKey: ["segments"],
    queryFn: () => api<{ segments: Segment[] }>("/api/v1/segments"),
    select: (data) => data.segments,
  });
}
