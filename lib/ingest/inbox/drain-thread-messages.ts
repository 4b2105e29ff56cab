/** What the server and its drain thread (drain-thread.ts) tell each other; both sides import these types. */

export type DrainThreadData = { url: string; loops: number };

/** Server → thread: events were accepted (0 when only making sure a drain runs); `seq` numbers the kicks. */
export type ToDrainThread = { type: "kick"; events: number; seq: number };

export type FromDrainThread =
  /** The inbox earlier processes left has been counted (and its drain started). */
  | { type: "ready"; backlog: number }
  /** One drain transaction committed this many events. */
  | { type: "drained"; events: number }
  /**
   * Every loop stopped; `seq` is the last kick the thread had received by then and `pending` its own count of
   * events still waiting (0 when a loop found the inbox empty; what is left when the loops gave up on errors).
   */
  | { type: "idle"; seq: number; pending: number };
