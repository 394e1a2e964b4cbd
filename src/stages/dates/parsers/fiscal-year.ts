/**
 * A fiscal year named by its number: "fiscal 2007", "fiscal year 2007",
 * "financial year 2007", "FY2007", "FY 2007", "FY07", "fiscal 2007's". A
 * company's fiscal year need not be the calendar year (FY2007 may start in July
 * 2006), so TIMEX3 writes it apart: FY2007 (the TIDES convention TimeML's
 * values follow). A fiscal year the text does not number ("the current fiscal
 * year") is resolved from the calendar like any year (relative-unit.ts).
 */

import type { DateParser, ParsedDate } from '../parser.js';
import { extendPointStart } from './modifiers.js';

const PATTERN = /(?<![\w.,$£€#/:+-])(?:(?:fiscal|financial)(?:\s+year)?[\s-]+((?:19|20)\d{2})|FY\s?['’]?((?:19|20)?\d{2}))(?![\w%/:]|[.,]\d|-\d{3,})/gi;

export const fiscalYearParser: DateParser = {
  id: 'fiscal-year',
  trigger: /fiscal|financial|FY/i,
  pattern: PATTERN,
  extract(match, context): ParsedDate | null {
    const [, longYear, shortYear] = match;
    // "FY" must be written in capitals ("fy" is not an abbreviation of anything else here, but "Fy" in a name could be).
    if (shortYear !== undefined && !/^FY/.test(match[0])) return null;
    const digits = longYear ?? shortYear!;
    // Two digits: the century nearest 2000 ("FY07" → 2007, "FY89" → 1989).
    const year = digits.length === 4 ? Number(digits) : Number(digits) + (Number(digits) < 50 ? 2000 : 1900);
    const start = extendPointStart(context.text, match.index);
    return { start, end: match.index + match[0].length, type: 'date', meaning: { kind: 'fixed', value: `FY${year}` } };
  },
};
