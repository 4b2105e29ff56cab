import type { MessageType, NormalizedMessage } from "../message";

/**
 * How a validated message is kept in ingest_inbox.messages: the normalised fields, timestamp as ISO text.
 * `index` is the message's position in its request, so a rejection found while draining can still name it.
 */
export type InboxMessage = Omit<NormalizedMessage, "timestamp"> & { timestamp: string; index: number };

export function encodeInboxMessage(message: NormalizedMessage, index: number): InboxMessage {
  return { ...message, timestamp: message.timestamp.toISOString(), index };
}

export function decodeInboxMessage(stored: InboxMessage): { index: number; message: NormalizedMessage } {
  const { index, timestamp, ...rest } = stored;
  return { index, message: { ...rest, type: rest.type as MessageType, timestamp: new Date(timestamp) } };
}
