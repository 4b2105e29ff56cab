/**
 * Profile traits with a timestamp per trait: a trait takes the value of the latest write by event time, so
 * an identify replayed from history (or arriving late) never overwrites something newer.
 */
export type TimedTraits = { traits: Record<string, unknown>; timestamps: Record<string, string> };

export function applyTraits(current: TimedTraits, incoming: Record<string, unknown>, at: Date): TimedTraits {
  const traits = { ...current.traits };
  const timestamps = { ...current.timestamps };
  const iso = at.toISOString();
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    const previous = timestamps[key];
    if (previous !== undefined && previous > iso) continue;
    traits[key] = value;
    timestamps[key] = iso;
  }
  return { traits, timestamps };
}

/** Both profiles' traits, per trait the later-written value (the survivor's on a tie). */
export function mergeTimedTraits(survivor: TimedTraits, other: TimedTraits): TimedTraits {
  const traits = { ...other.traits, ...survivor.traits };
  const timestamps = { ...other.timestamps, ...survivor.timestamps };
  for (const [key, value] of Object.entries(other.traits)) {
    const theirs = other.timestamps[key] ?? "";
    const ours = survivor.timestamps[key];
    if (ours !== undefined && theirs > ours) {
      traits[key] = value;
      timestamps[key] = theirs;
    }
  }
  return { traits, timestamps };
}

/** Profile columns that mirror well-known traits. */
export function profileColumns(traits: Record<string, unknown>) {
  const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
  return { email: str(traits.email), phone: str(traits.phone) };
}
