/**
 * The dates lexicon (data/lexicon/dates.json): raw data and its compiled form,
 * built once per extractor.
 */

export interface LexiconExample {
  text: string;
  publishedAt?: string;
  /** [surface text, TIMEX3 value] pairs the text must yield; [] for "no date at all". */
  expect: [string, string | null][];
}

export interface VagueReferenceEntry {
  id: string;
  phrase: string;
  value: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF';
  context?: string;
  examples: LexiconExample[];
}

export interface FalseAlarmEntry {
  id: string;
  description: string;
  examples: LexiconExample[];
}

export interface DatesLexiconData {
  tense: {
    pastForms: string[];
    notPast: string[];
    pastAuxiliaries: string[];
    presentAuxiliaries: string[];
    perfectAuxiliaries: string[];
    futureMarkers: string[];
    plannedMarkers: string[];
    planningHeads: string[];
    futureCues: string[];
    pastCues: string[];
    untilCues: string[];
  };
  vagueReferences: VagueReferenceEntry[];
  weekdayNameHeads: { words: string[] };
  genericDayHeads: { words: string[] };
  falseAlarms: FalseAlarmEntry[];
}

export interface CompiledDatesLexicon {
  readonly pastForms: ReadonlySet<string>;
  readonly notPast: ReadonlySet<string>;
  readonly pastAuxiliaries: ReadonlySet<string>;
  readonly presentAuxiliaries: ReadonlySet<string>;
  readonly perfectAuxiliaries: ReadonlySet<string>;
  readonly futureMarkers: ReadonlySet<string>;
  readonly plannedMarkers: ReadonlySet<string>;
  readonly planningHeads: ReadonlySet<string>;
  /** Matches text that ends with a word putting the next date ahead ("until", "payable", "of record"). */
  readonly futureCueBefore: RegExp;
  /** Matches text that ends with a word putting the next date behind ("since"). */
  readonly pastCueBefore: RegExp;
  /** Matches text that ends with a word bounding a span by the next date ("until", "through"): ahead unless the verb is past. */
  readonly untilCueBefore: RegExp;
  /** Lower-cased phrase → entry. */
  readonly vagueReferences: ReadonlyMap<string, VagueReferenceEntry>;
  readonly weekdayNameHeads: ReadonlySet<string>;
  /** Nouns after "today's" that make it an era rather than a day ("today's youth"). */
  readonly genericDayHeads: ReadonlySet<string>;
}

const lowerSet = (words: readonly string[]): ReadonlySet<string> => new Set(words.map((w) => w.toLowerCase()));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for text that ends with one of the phrases (then white space). */
function cueBefore(phrases: readonly string[]): RegExp {
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map((p) => escapeRegExp(p).replace(/ /g, '\\s+'));
  return new RegExp(`(?:^|[^\\w'-])(?:${alternatives.join('|')})\\s+$`, 'i');
}

export function compileDatesLexicon(data: DatesLexiconData): CompiledDatesLexicon {
  return {
    pastForms: lowerSet(data.tense.pastForms),
    notPast: lowerSet(data.tense.notPast),
    pastAuxiliaries: lowerSet(data.tense.pastAuxiliaries),
    presentAuxiliaries: lowerSet(data.tense.presentAuxiliaries),
    perfectAuxiliaries: lowerSet(data.tense.perfectAuxiliaries),
    futureMarkers: lowerSet(data.tense.futureMarkers),
    plannedMarkers: lowerSet(data.tense.plannedMarkers),
    planningHeads: lowerSet(data.tense.planningHeads),
    futureCueBefore: cueBefore(data.tense.futureCues),
    pastCueBefore: cueBefore(data.tense.pastCues),
    untilCueBefore: cueBefore(data.tense.untilCues),
    vagueReferences: new Map(data.vagueReferences.map((entry) => [entry.phrase.toLowerCase(), entry])),
    weekdayNameHeads: new Set(data.weekdayNameHeads.words),
    genericDayHeads: lowerSet(data.genericDayHeads.words),
  };
}
