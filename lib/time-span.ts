import { formatDateSpan, type DatePrecision } from "./dates";

export interface TimePart {
  /** Machine-readable value for <time datetime>, at the precision the source gives (« 2014 », « 2015-04 », « 2015-04-28 »). */
  dateTime: string;
  /** French text, as formatDateSpan writes it. */
  label: string;
}

function datetimeValue(isoDate: string, precision: DatePrecision): string {
  return precision === "year" ? isoDate.slice(0, 4) : precision === "month" ? isoDate.slice(0, 7) : isoDate;
}

/**
 * A milestone's date as one or two <time> elements: a span (« 2014–2015 ») has a start and an
 * end, each with its own datetime, since a single <time> cannot hold a range.
 */
export function timeSpanParts(startsOn: string, endsOn: string | null, precision: DatePrecision): TimePart[] {
  const start = { dateTime: datetimeValue(startsOn, precision), label: formatDateSpan(startsOn, null, precision) };
  if (!endsOn) return [start];
  const end = { dateTime: datetimeValue(endsOn, precision), label: formatDateSpan(endsOn, null, precision) };
  return start.label === end.label ? [start] : [start, end];
}
