/**
 * Vague references to the present, the past and the future, from the lexicon
 * (data/lexicon/dates.json, vagueReferences): "now", "currently" → PRESENT_REF;
 * "recently", "formerly", "the past" → PAST_REF; "soon", "the future" →
 * FUTURE_REF. Entries whose word is ambiguous carry a context rule, by id.
 */

import type { DateParser, ParsedDate, ParsingContext } from '../parser.js';
import type { CompiledDatesLexicon, VagueReferenceEntry } from '../lexicon.js';
import { NUMBER_WORDS } from '../words.js';

const TIME_NOUNS = /^\s+(quarters?|years?|months?|weeks?|days?|periods?|generations?|dates?|decades?)(?![\w-])/i;
/** "the past" before a count or a unit ("the past three summers", "the past century") is an adjective. */
const PAST_AS_ADJECTIVE = new RegExp(
  `^\\s+(?:\\d|(?:${Object.keys(NUMBER_WORDS).filter((w) => w.length > 2).join('|')}|few|several|couple|dozen|many|decades?|centur(?:y|ies)|millennium|years?|months?|weeks?|days?|hours?|quarters?|weekends?|summers?|winters?|springs?|autumns?|falls?|seasons?)(?![\\w-]))`,
  'i',
);
/** A verb group about the future ("will", "would", "to be", "plans to") somewhere in the clause before "later". */
const FUTURE_CLAUSE = /\b(?:will|['’]ll|shall|would|going\s+to|plans?\s+to|expects?\s+to|to\s+be)\b/i;
const NOT_CURRENT_HEADS = new Set(['account', 'accounts', 'affairs', 'events', 'flow', 'flows', 'carrier', 'carriers', 'density', 'meter', 'sea', 'source']);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Context checks of the ambiguous entries; returns the end of the span, or -1 to reject. */
function checkContext(entry: VagueReferenceEntry, start: number, end: number, text: string, lexicon: CompiledDatesLexicon): number {
  const before = text.slice(Math.max(0, start - 20), start);
  const after = text.slice(end, end + 30);
  switch (entry.id) {
    case 'present-current': {
      const next = /^\s+([a-z][\w-]*)/.exec(after)?.[1];
      if (next === undefined || NOT_CURRENT_HEADS.has(next)) return -1;
      return /(?:alternating|direct|electric|ocean|strong)\s+$/i.test(before) ? -1 : end;
    }
    case 'present-at-the-moment':
      return /\bat\s+$/i.test(before) ? end : -1;
    case 'past-earlier':
      if (/^\s*(than|this|last|that|in|on|today|yesterday|tonight)\b/i.test(after)) return -1;
      if (/(?:\d|\b(?:days?|weeks?|months?|years?|hours?|minutes?|decades?|quarters?))\s+$/i.test(before)) return -1;
      return end;
    case 'past-the-past':
      // "the past three summers", "the past century": "past" is an adjective of a counted span, not the noun.
      return PAST_AS_ADJECTIVE.test(after) ? -1 : end;
    case 'future-soon': {
      if (/\bas\s+$/i.test(before) || /^\s+(?:as|after|afterwards?|before|thereafter)\b/i.test(after)) return -1;
      // "was soon released", "soon became a flood": soon after a past event, not ahead of now.
      const previous = /([a-z']+)\s+$/i.exec(before)?.[1]?.toLowerCase();
      const next = /^\s+([a-z']+)/i.exec(after)?.[1]?.toLowerCase();
      if (previous !== undefined && (lexicon.futureMarkers.has(previous) || lexicon.presentAuxiliaries.has(previous))) return end;
      if (previous !== undefined && lexicon.pastAuxiliaries.has(previous)) return -1;
      if (next !== undefined && (lexicon.pastForms.has(next) || (next.length > 3 && next.endsWith('ed') && !lexicon.notPast.has(next)))) return -1;
      return end;
    }
    case 'future-the-future':
      // "the future of our peoples", "the future of the company": its fate or prospects, not a time.
      return /^\s+of\b/i.test(after) ? -1 : end;
    case 'future-some-day':
      return /^\s+(?:last|next|this|in|of|before|after)\b/i.test(after) ? -1 : end;
    case 'future-later': {
      // "later this year", "later in the day", "two days later", "later than": another expression, or a comparison.
      if (/^\s*(?:this|that|in|on|today|tonight|tomorrow|than|the|yesterday)\b/i.test(after)) return -1;
      if (/(?:\d|\b(?:days?|weeks?|months?|years?|hours?|minutes?|decades?|quarters?|much|even|still|far|no|any|or|and)\s+)$/i.test(before)) return -1;
      // Only in a clause about the future: "will announce the results later", "to be decided later".
      const clause = text.slice(Math.max(0, start - 80), start).split(/[.;:!?"“”]|,\s+(?:but|and|while)\b/).pop() ?? '';
      return FUTURE_CLAUSE.test(clause) ? end : -1;
    }
    case 'future-future': {
      const noun = TIME_NOUNS.exec(after);
      return noun ? end + noun[0].length : -1;
    }
    default:
      return end;
  }
}

export function createVagueReferenceParser(lexicon: CompiledDatesLexicon): DateParser {
  const phrases = [...lexicon.vagueReferences.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\w-])(?:${phrases.map((p) => escapeRegExp(p).replace(/ /g, '\\s+')).join('|')})(?![\\w-])`, 'gi');
  // Every phrase holds its longest word: a text without any of them is not scanned.
  const longestWords = new Set(phrases.map((phrase) => phrase.split(/[\s-]+/).reduce((a, b) => (b.length > a.length ? b : a))));
  const trigger = new RegExp([...longestWords].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'i');
  return {
    id: 'vague-reference',
    pattern,
    trigger,
    extract(match, context: ParsingContext): ParsedDate | null {
      const entry = lexicon.vagueReferences.get(match[0].toLowerCase().replace(/\s+/g, ' '));
      if (entry === undefined) return null;
      const start = match.index;
      const end = checkContext(entry, start, start + match[0].length, context.text, lexicon);
      if (end < 0) return null;
      return { start, end, type: 'date', meaning: { kind: 'fixed', value: entry.value }, rule: entry.id };
    },
  };
}
