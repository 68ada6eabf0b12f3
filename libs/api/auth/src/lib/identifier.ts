import { parsePhoneNumberFromString } from 'libphonenumber-js';

export type Identifier = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

/**
 * People log in with an email address or a phone number written the way they write it
 * (`97 00 00 00`, `+229 01 97 00 00 00`); numbers without a country code are read as Beninese.
 */
export function parseIdentifier(raw: string): Identifier | null {
  const trimmed = raw.trim();
  if (trimmed.includes('@')) return { kind: 'email', value: trimmed.toLowerCase() };
  const phone = normalizePhone(trimmed);
  return phone ? { kind: 'phone', value: phone } : null;
}

export function normalizePhone(raw: string): string | null {
  const parsed = parsePhoneNumberFromString(raw, 'BJ');
  return parsed && parsed.isValid() ? parsed.number : null;
}
