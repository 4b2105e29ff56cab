/**
 * The customer search box's small language. Words are separated by spaces and must all match (AND):
 * - a plain word, or "a quoted phrase", matches the start of the email or external id, the start of any word
 *   of the name trait, the digits of the phone number (when the word has 3+ digits), or an identity
 *   (user id, anonymous id, email) exactly;
 * - `email:`, `id:` or `phone:` followed by text matches only the start of that field;
 * - any other `key:value` matches customers whose trait `key` (spelled as sent) equals `value`, ignoring
 *   case: `plan:pro`, `country:GB`, `name:"Ada Lovelace"`.
 * A search that is only a phone number ("+44 20 7946 0001") is one word, spaces and all.
 */
export type SearchTerm =
  | { kind: "text"; text: string }
  | { kind: "field"; field: SearchField; text: string }
  | { kind: "trait"; key: string; value: string };

export const SEARCH_FIELDS = ["email", "id", "phone"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export const MAX_SEARCH_TERMS = 8;

/** Digits with the punctuation people write phone numbers with. */
export const PHONE_NUMBER = /^[\d\s()+.-]+$/;

// key:"quoted value" | "quoted phrase" | a run of non-space characters
const TOKEN = /([^\s:"]+):"([^"]*)"?|"([^"]*)"?|(\S+)/g;

export function parseSearch(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  if (PHONE_NUMBER.test(input) && /\s/.test(input.trim())) {
    pushText(terms, input);
    return terms;
  }
  for (const match of input.matchAll(TOKEN)) {
    const [, quotedKey, quotedValue, phrase, word] = match;
    if (quotedKey !== undefined) {
      pushKeyValue(terms, quotedKey, quotedValue ?? "");
    } else if (phrase !== undefined) {
      pushText(terms, phrase);
    } else if (word !== undefined) {
      const colon = word.indexOf(":");
      // "x:" and ":x" are not key:value pairs; search them as typed.
      if (colon > 0 && colon < word.length - 1) pushKeyValue(terms, word.slice(0, colon), word.slice(colon + 1));
      else pushText(terms, word);
    }
  }
  return terms;
}

function pushKeyValue(terms: SearchTerm[], key: string, value: string) {
  const text = value.trim();
  if (text === "") return;
  const field = SEARCH_FIELDS.find((f) => f === key.toLowerCase());
  terms.push(field ? { kind: "field", field, text } : { kind: "trait", key, value: text });
}

function pushText(terms: SearchTerm[], text: string) {
  const trimmed = text.trim();
  if (trimmed !== "") terms.push({ kind: "text", text: trimmed });
}
