/**
 * JSON for the live dialect, where Zoho sends 17–19-digit ids, sometimes as bare JSON numbers
 * (`"department_id": 215…` in a group's answer): `JSON.parse` would round them to the nearest double, silently
 * (2^53 is about 9.007×10^15). Used by the live client and the emulator's live front alike, so neither side
 * ever holds a rounded id. No dependency: Node 24's `JSON.parse` reviver receives each number's source text,
 * and `JSON.rawJSON` writes one back.
 */

/** `JSON.parse`, except that an integer beyond 2^53 comes back as its digits, a string, digit for digit. */
export function parseLosslessJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' &&
    !Number.isSafeInteger(value) &&
    context?.source !== undefined &&
    /^-?\d+$/.test(context.source)
      ? context.source
      : value,
  );
}

const rawJSON = (JSON as unknown as { rawJSON(this: void, text: string): object }).rawJSON;

/**
 * A Long that `JSON.stringify` writes as a bare JSON number, digit for digit, where Zoho's own examples send
 * one (a group's delete body, its members' ids).
 */
export function bareNumber(digits: string): object {
  if (!/^\d{1,19}$/.test(digits)) throw new TypeError(`not a Zoho id: ${JSON.stringify(digits)}`);
  return rawJSON(digits);
}
