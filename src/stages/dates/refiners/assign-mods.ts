/**
 * The TIMEX3 mod each expression states, from the lexicon's modifiers
 * (data/lexicon/dates.json): a point modifier opening a date or time ('mid-2011':
 * MID, 'the end of the quarter': END, 'around Nov. 1': APPROX), a quantifier
 * opening a duration ('more than three years': MORE_THAN), the same quantifier
 * bounding a counted offset on one side ('more than a decade ago': BEFORE, 'less
 * than a year ago': AFTER), and a phrase closing the span ('1994 or later':
 * ON_OR_AFTER, 'a year or so': APPROX, 'two years or more': EQUAL_OR_MORE),
 * which joins the span. A mod a parser read itself is kept. Runs after overlaps
 * are decided, on the final spans.
 */

import type { DateMod } from '../../../types.js';
import type { DateCandidate } from '../candidate.js';
import type { CompiledDatesLexicon } from '../lexicon.js';
import type { DateRefiner } from '../refiner.js';

/** A counted offset from a time: its last word, and whether it looks back. */
const OFFSET_END = /\b(ago|earlier|before|back|later|after|from\s+now|hence)$/i;
const BACKWARD = /^(?:ago|earlier|before|back)$/i;

/** A quantifier before an offset bounds the point it reaches: 'more than a decade ago' is before that year. */
const OFFSET_MODS: Readonly<Record<'back' | 'ahead', Partial<Record<DateMod, DateMod>>>> = {
  back: { MORE_THAN: 'BEFORE', LESS_THAN: 'AFTER', EQUAL_OR_MORE: 'ON_OR_BEFORE', EQUAL_OR_LESS: 'ON_OR_AFTER', APPROX: 'APPROX' },
  ahead: { MORE_THAN: 'AFTER', LESS_THAN: 'BEFORE', EQUAL_OR_MORE: 'ON_OR_AFTER', EQUAL_OR_LESS: 'ON_OR_BEFORE', APPROX: 'APPROX' },
};

/** Closing phrases that bound a point ('or later'), and those that bound a length ('or more'). */
const POINT_AFTER_MODS = new Set<DateMod>(['ON_OR_AFTER', 'ON_OR_BEFORE', 'APPROX']);
const LENGTH_AFTER_MODS = new Set<DateMod>(['EQUAL_OR_MORE', 'EQUAL_OR_LESS', 'APPROX']);

/** Before a date or a clock time these mean 'about' ('around Nov. 1', 'at about 7:15 p.m.'); 'about' elsewhere is mostly 'concerning'. */
const APPROX_BEFORE = /(?:^|[^\w'’-])(around|approximately|roughly|circa)\s+$/i;
const ABOUT_BEFORE_TIME = /(?:^|[^\w'’-])(?:at|by|on|until|till|from|since|to)\s+(about)\s+$/i;

/** "get around", "came about": the word is a particle of its verb, not an approximation. */
const PARTICLE_VERB_BEFORE = /(?:^|[^\w'’-])(?:get|gets|getting|got|go|goes|going|went|come|comes|coming|came|turn|turns|turned|work|works|worked|bring|brings|brought)\s+$/i;

const UNIT_RIGHT_AFTER = /^\s*(?:second|minute|hour|day|night|week|month|quarter|year|decade|centur|millenni|time\b)/i;

const normalize = (phrase: string): string => phrase.toLowerCase().replace(/\s+/g, ' ');

function isPoint(candidate: DateCandidate): boolean {
  return candidate.type === 'date' || candidate.type === 'time';
}

/** A half-year value ('1990-H1'): 'the first half of 1990' names it, it does not qualify 1990. */
const HALF_VALUE_RULE = /^quarter/;

function modFromStart(surface: string, candidate: DateCandidate, lexicon: CompiledDatesLexicon): DateMod | undefined {
  const quantity = lexicon.quantityModifierAtStart.exec(surface)?.[1];
  // "some days", "some years", "for some time": the word is the (vague) count itself, not a quantifier before one.
  if (quantity !== undefined && !UNIT_RIGHT_AFTER.test(surface.slice(quantity.length))) {
    const mod = lexicon.modifierMods.quantity.get(normalize(quantity));
    if (mod === undefined) return undefined;
    if (!isPoint(candidate)) return candidate.type === 'duration' ? mod : undefined;
    const offset = OFFSET_END.exec(surface)?.[1];
    if (offset === undefined) return mod === 'APPROX' ? mod : undefined;
    return OFFSET_MODS[BACKWARD.test(offset) ? 'back' : 'ahead'][mod];
  }
  if (!isPoint(candidate)) return undefined;
  const point = lexicon.pointModifierAtStart.exec(surface)?.[1];
  if (point === undefined) return /^(?:year|month)(?:-|\s+|['’]s\s+)end\b/i.test(surface) ? 'END' : undefined;
  if (/half/i.test(point) && HALF_VALUE_RULE.test(candidate.rule)) return undefined;
  return lexicon.modifierMods.point.get(normalize(point));
}

export const assignMods: DateRefiner = {
  id: 'assign-mods',
  refine(candidates, context) {
    const { doc, lexicon } = context;
    const { text } = doc;
    return candidates.map((candidate, index): DateCandidate => {
      let { start, end } = candidate;
      let mod = candidate.mod;
      const limit = Math.min(candidates[index + 1]?.start ?? text.length, context.sentence.end);
      // '1994 or later', 'a year or so', 'two years or more': the closing phrase joins the span.
      const closing = lexicon.modifierAfter.exec(text.slice(end, Math.min(limit, end + 24)));
      if (closing !== null && candidate.type !== 'set') {
        const closingMod = lexicon.modifierMods.after.get(normalize(closing[1]!));
        if (closingMod !== undefined && (isPoint(candidate) ? POINT_AFTER_MODS : LENGTH_AFTER_MODS).has(closingMod)) {
          end += closing[0].length;
          mod ??= closingMod;
        }
      }
      // 'around Nov. 1', 'at about 7:15 p.m.': the approximation joins the span of a date or a time.
      const previousEnd = candidates[index - 1]?.end ?? context.sentence.start;
      if (mod === undefined && isPoint(candidate)) {
        const before = text.slice(Math.max(previousEnd, start - 16), start);
        const approx = APPROX_BEFORE.exec(before) ?? (candidate.type === 'time' ? ABOUT_BEFORE_TIME.exec(before) : null);
        // "get around Wednesday's ruling": a particle of the verb before it, and a date that qualifies a noun.
        const possessive = /^['’]s\b/.test(text.slice(end, end + 3));
        const phraseStart = start - (approx === null ? 0 : approx[0].length - approx[0].indexOf(approx[1]!));
        if (approx !== null && !possessive && !PARTICLE_VERB_BEFORE.test(text.slice(Math.max(0, phraseStart - 12), phraseStart))) {
          start = phraseStart;
          mod = 'APPROX';
        }
      }
      const surface = text.slice(start, end);
      if (mod === undefined) mod = modFromStart(surface, candidate, lexicon);
      // 'a week or so ago': the approximation inside a counted offset.
      if (mod === undefined && /\bor\s+so\b/i.test(surface)) mod = 'APPROX';
      if (mod === candidate.mod && start === candidate.start && end === candidate.end) return candidate;
      return { ...candidate, start, end, ...(mod ? { mod } : {}) };
    });
  },
};
