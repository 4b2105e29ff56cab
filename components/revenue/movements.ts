/** The MRR movements in display order (gains, then losses) and their colours, shared by chart and table. */
export const MOVEMENTS = ["new", "expansion", "reactivation", "contraction", "churn"] as const;
export type Movement = (typeof MOVEMENTS)[number];

export const MOVEMENT_COLORS: Record<Movement, string> = {
  new: "#2f6fed",
  expansion: "#14b8a6",
  reactivation: "#a855f7",
  contraction: "#f97316",
  churn: "#ef4444",
};

/** Drawn below zero and shown with a minus sign. */
export const LOSSES: ReadonlySet<Movement> = new Set(["contraction", "churn"]);
