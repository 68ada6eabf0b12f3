/** A year ago and now, as ISO date-times: the agenda's "past" window. */
export function pastYearRange(now: Date = new Date()): {
  from: string;
  to: string;
} {
  const from = new Date(now);
  from.setFullYear(from.getFullYear() - 1);
  return { from: from.toISOString(), to: now.toISOString() };
}
