/**
 * Speaker phrases read off the tokens next to a cue: the noun phrase before a
 * cue ('Baku Mayor Eldar Azizov said', 'the U.S. Ambassador to Azerbaijan, Mark
 * Libby, wrote') or after it ('said the head of the Russian Foreign Ministry',
 * 'according to him'). Every walk is bounded, so the cost per cue is constant.
 */

import type { Range, Token } from '../../core/document.js';

/** Longest speaker phrase, in tokens. */
const MAX_PHRASE_TOKENS = 14;
/** Adverbs and auxiliaries allowed between a subject and its cue ('has also said'). */
const MAX_SKIPPED_BEFORE_CUE = 3;

/** Prepositions that continue a noun phrase between nouns ('head of the ministry', 'Ambassador to Azerbaijan'). */
const LINKING_PREPOSITIONS = new Set(['of', 'for', 'to', 'at', 'from', 'in']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them', 'us', 'me']);
/** Days are never speakers, capitalised or not ('Tuesday at Baldwin Wallace University, Kasich said'). */
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** 'Sunday night', 'last month', 'this week': a time read over between a subject and its cue. */
const PARTS_OF_TIME = new Set(['morning', 'afternoon', 'evening', 'night', 'week', 'weekend', 'month', 'year']);
const TIME_DETERMINERS = new Set(['last', 'this', 'next', 'that']);
const NOT_SPEAKERS = new Set([
  'this', 'that', 'these', 'those', 'which', 'what', 'who', 'whom', 'there', 'here', 'something', 'anything', 'nothing',
  'everything', 'one', 'story', 'time', 'times', 'day', 'week', 'year', 'today', 'yesterday',
  ...WEEKDAYS,
]);

/** Words that never head a speaker phrase, unless capitalised inside a sentence ('The New York Times'); days never. */
function isNotASpeaker(token: Token): boolean {
  const lower = token.text.toLowerCase();
  return WEEKDAYS.has(lower) || NOT_SPEAKERS.has(token.text) || (NOT_SPEAKERS.has(lower) && token.pos !== 'PROPN');
}

export interface SpeakerPhrase extends Range {
  /** Token range [start, end) of the phrase. */
  /** The head token: the last word before any prepositional or parenthetical tail. */
  head: number;
}

function isWordLike(token: Token): boolean {
  return token.kind === 'word' || token.kind === 'number';
}

function isCapitalized(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text);
}

function isNominal(token: Token): boolean {
  if (!isWordLike(token)) return false;
  if (token.pos === 'PROPN' || token.pos === 'NOUN' || token.pos === 'NUM') return true;
  // The tagger sometimes calls a capitalised name part an adjective or a verb ('Mark', 'Said').
  return isCapitalized(token) && (token.pos === 'ADJ' || token.pos === 'VERB' || token.pos === 'X' || token.pos === 'ADV' || token.pos === 'INTJ');
}

/** Possessive determiners read as determiners ('his radio audience'). */
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** A verb-tagged word inside a compound noun ('White House press secretary'). */
function isCompoundVerb(tokens: readonly Token[], t: number): boolean {
  const token = tokens[t];
  if (!token || token.pos !== 'VERB' || /(ed|ing)$/i.test(token.text) || /^\p{Lu}/u.test(token.text) === false && !/^[a-z]+$/.test(token.text)) return false;
  const before = tokens[t - 1];
  const after = tokens[t + 1];
  return before !== undefined && after !== undefined && (before.pos === 'PROPN' || before.pos === 'NOUN') && after.pos === 'NOUN';
}

function isModifier(token: Token): boolean {
  return isNominal(token) || (isWordLike(token) && (token.pos === 'ADJ' || token.pos === 'DET' || token.pos === 'NUM')) || isPossessive(token) || token.text === '-' || token.text === '&';
}

function isPossessive(token: Token): boolean {
  const lower = token.text.toLowerCase();
  return lower === "'s" || lower === '’s' || lower === "'" || lower === '’';
}

export function isSubjectPronoun(token: Token | undefined): boolean {
  return token !== undefined && token.pos === 'PRON' && SUBJECT_PRONOUNS.has(token.text.toLowerCase());
}

/** Tokens that may stand between a subject and its cue: 'also', 'has', 'later', 'repeatedly'. */
function isSkippableBeforeCue(token: Token): boolean {
  const lower = token.text.toLowerCase();
  if (lower === 'not' || lower === "n't" || lower === 'never') return false;
  // 'Merkley and Brown all suggested', 'both said'.
  if (lower === 'all' || lower === 'both' || lower === 'each') return true;
  if (token.pos === 'ADV' || token.pos === 'AUX') return true;
  return token.pos === 'PART' && lower !== 'to' && !isPossessive(token);
}

/** The noun phrase that ends at token `last` (inclusive), walking back no further than `floor`. */
export function phraseEndingAt(tokens: readonly Token[], last: number, floor: number): SpeakerPhrase | null {
  const lastToken = tokens[last];
  if (!lastToken || last < floor) return null;
  if (isSubjectPronoun(lastToken)) return { start: last, end: last + 1, head: last };
  let i = last;
  let head = -1;
  // The full stop of an abbreviation at the end ('R-Ky.').
  if (lastToken.text === '.' && !lastToken.spaceBefore && last - 1 >= floor) return phraseEndingAt(tokens, last - 1, floor);
  // A parenthetical tail: 'Chaffetz (R-Utah)'.
  if (lastToken.text === ')') {
    let j = last - 1;
    while (j >= floor && last - j < 8 && tokens[j]!.text !== '(') j--;
    if (j < floor || tokens[j]!.text !== '(') return null;
    i = j - 1;
  }
  if (i < floor || !isNominal(tokens[i]!) || isNotASpeaker(tokens[i]!)) return null;
  // A capitalised adjective or verb opening a sentence is just capitalised ('Initial reports …'),
  // unless it alone stands before the cue ('Cook said').
  if (tokens[i]!.pos !== 'PROPN' && tokens[i]!.pos !== 'NOUN' && tokens[i]!.pos !== 'NUM' && (i === 0 || tokens[i - 1]!.sentence !== tokens[i]!.sentence) &&
      !(tokens[i]!.pos === 'VERB' && i === last && !/(ing|ed)$/.test(tokens[i]!.text))) return null;
  head = i;
  let start = i;
  for (let j = i - 1; j >= floor && last - j < MAX_PHRASE_TOKENS; j--) {
    const token = tokens[j]!;
    const lower = token.text.toLowerCase();
    // A possessive determiner opens the phrase as an article does ('its chief executive').
    if (token.pos === 'DET' || lower === 'the' || lower === 'a' || lower === 'an' || POSSESSIVE_DETERMINERS.has(lower) && j < head) {
      start = j;
      // 'the head of the ministry': continue through a linking preposition before the determiner.
      const before = tokens[j - 1];
      if (before && j - 1 >= floor && LINKING_PREPOSITIONS.has(before.text.toLowerCase()) && tokens[j - 2] && j - 2 >= floor && isNominal(tokens[j - 2]!)) {
        j -= 1;
        head = j - 1;
        continue;
      }
      break;
    }
    if (LINKING_PREPOSITIONS.has(lower) && token.pos === 'ADP') {
      const before = tokens[j - 1];
      if (before && j - 1 >= floor && isNominal(before)) {
        head = j - 1;
        continue;
      }
      break;
    }
    if (lower === 'and' && tokens[j - 1] && j - 1 >= floor && isNominal(tokens[j - 1]!) && isNominal(tokens[j + 1]!)) continue;
    if (isModifier(token) || isCompoundVerb(tokens, j)) {
      start = j;
      continue;
    }
    break;
  }
  // Never start on a preposition, a conjunction or a hyphen.
  while (start < head && !isModifier(tokens[start]!) && !POSSESSIVE_DETERMINERS.has(tokens[start]!.text.toLowerCase())) start++;
  return { start, end: last + 1, head };
}

/**
 * The speaker phrase that ends just before a cue at `cueStart`: skips a few
 * adverbs and auxiliaries, and reads an appositive ('X, the ambassador, said' or
 * 'the ambassador, X, said') choosing the named part.
 */
export function speakerPhraseBefore(tokens: readonly Token[], cueStart: number, floor: number): SpeakerPhrase | null {
  let i = cueStart - 1;
  let skipped = 0;
  while (i >= floor && skipped < MAX_SKIPPED_BEFORE_CUE && isSkippableBeforeCue(tokens[i]!)) {
    i--;
    skipped++;
  }
  // A time between the subject and its cue: 'Broaddrick Sunday night recounted', 'Police had last month charged'.
  if (i > floor && PARTS_OF_TIME.has(tokens[i]!.text.toLowerCase())) {
    const before = tokens[i - 1]!.text.toLowerCase();
    if (WEEKDAYS.has(before) || TIME_DETERMINERS.has(before)) {
      i -= WEEKDAYS.has(before) ? 1 : 2;
      if (i > floor && tokens[i]!.text.toLowerCase() === 'earlier') i--;
      while (i >= floor && skipped < MAX_SKIPPED_BEFORE_CUE && isSkippableBeforeCue(tokens[i]!)) {
        i--;
        skipped++;
      }
    }
  }
  // A day between the subject and its cue: 'Clinton on Tuesday said', 'A report published Wednesday said'.
  if (i > floor && WEEKDAYS.has(tokens[i]!.text.toLowerCase())) {
    i--;
    if (i > floor && tokens[i]!.text.toLowerCase() === 'on') i--;
    // A participle after the subject: 'A court document filed Thursday says'.
    if (i > floor && tokens[i]!.pos === 'VERB' && /ed$/.test(tokens[i]!.text) && isNominal(tokens[i - 1]!)) i--;
  }
  // A year between the subject and its cue: 'McConnell, who in 2010 said', 'Obama in 2008 promised'.
  if (i > floor + 1 && /^(1[89]|20)\d\d$/.test(tokens[i]!.text) && tokens[i - 1]!.text.toLowerCase() === 'in') i -= 2;
  if (i < floor) return null;
  // 'X, who said …' and 'X, who has said …'.
  if (tokens[i]!.text.toLowerCase() === 'who' && tokens[i - 1]?.text === ',' && i - 2 >= floor) {
    return phraseEndingAt(tokens, i - 2, floor);
  }
  if (DASHES.has(tokens[i]!.text)) return subjectBeforeAside(tokens, i, floor);
  if (tokens[i]!.text === ',') {
    // 'Johnnie Wilson, of Springfield, Va., said', 'Donna Rawlings, 59, of Ashton, Md., who …, said'.
    const named = nameBeforeAppositives(tokens, i, floor);
    if (named) return named;
    const inner = phraseEndingAt(tokens, i - 1, floor);
    if (!inner || tokens[inner.start - 1]?.text !== ',' || inner.start - 2 < floor) return nameBeforeRelativeClause(tokens, i, floor) ?? subjectBeforeAside(tokens, i, floor);
    const outer = phraseEndingAt(tokens, inner.start - 2, floor);
    if (!outer) return subjectBeforeAside(tokens, i, floor);
    // A party-and-state tag ('McConnell, R-Ky., said') belongs to the name before it.
    if (isPartyTag(tokens, inner)) return outer;
    // 'Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Security Council, said',
    // 'Giovanni Maria Vian, the editor of the Vatican's newspaper, L'Osservatore Romano, said':
    // a name before a description and a second aside is who speaks.
    if (startsAsDescription(tokens, outer) && tokens[outer.start - 1]?.text === ',' && outer.start - 2 >= floor) {
      const name = phraseEndingAt(tokens, outer.start - 2, floor);
      if (name && !startsAsDescription(tokens, name) && /^\p{Lu}/u.test(tokens[name.head]!.text) && (name.start === floor || tokens[name.start - 1]!.kind === 'punctuation' || tokens[name.start - 1]!.pos === 'CCONJ')) return name;
    }
    // Prefer the part that names someone over the description.
    return startsAsDescription(tokens, inner) && !startsAsDescription(tokens, outer) ? outer : inner;
  }
  return phraseEndingAt(tokens, i, floor);
}

/** Longest aside read back over: ', who runs the veterans effort,'. */
const MAX_ASIDE_TOKENS = 20;
/** Longest aside between a sentence's subject and its cue: 'X, 39, a Lebanese man visiting Nice with his family, told'. */
const MAX_SUBJECT_ASIDE_TOKENS = 30;
const DASHES = new Set(['—', '–', '--']);
/** Punctuation an aside never crosses (a full stop inside a sentence is an abbreviation's: 'Rep.', '(Mich.)'). */
const ASIDE_BREAKS = /^[;:!?"“”„«»]$/;

/**
 * 'Murshed Zaheed, acting political director of CREDO Action, which organized the
 * letter, said', 'Many speakers at the service — including Muslims, Jews — said':
 * the noun phrase that opens the sentence (after 'But', 'And' or an adverb), up to
 * the first comma (or dash, when the cue follows a dash), with only an aside
 * between it and the cue. `close` is the comma or dash just before the cue.
 */
function subjectBeforeAside(tokens: readonly Token[], close: number, floor: number): SpeakerPhrase | null {
  let lead = floor;
  while (lead < close && lead - floor < 4 && (tokens[lead]!.pos === 'CCONJ' || (tokens[lead]!.pos === 'ADV' && tokens[lead + 1]?.text !== ','))) lead++;
  // The subject phrase, its comma and the aside: every walk is bounded.
  if (close - lead > MAX_PHRASE_TOKENS + MAX_SUBJECT_ASIDE_TOKENS + 2) return null;
  const dash = DASHES.has(tokens[close]!.text);
  let open = -1;
  for (let k = lead + 1; k < close; k++) {
    const text = tokens[k]!.text;
    if (ASIDE_BREAKS.test(text)) return null;
    if (open < 0 && (dash ? DASHES.has(text) : text === ',')) open = k;
  }
  if (open < 0 || close - open - 1 < 1 || close - open - 1 > MAX_SUBJECT_ASIDE_TOKENS) return null;
  const subject = phraseEndingAt(tokens, open - 1, lead);
  return subject && subject.start === lead ? subject : null;
}

/** Most comma-separated asides read back over between a name and its cue. */
const MAX_APPOSITIVES = 5;
/** A state's abbreviation after a place ('Va.', 'Calif.', 'N.C.'). */
const STATE_ABBREVIATION = /^(?:[A-Z][a-z]{0,4}\.|[A-Z]\.[A-Z]\.)$/;

/**
 * 'Johnnie Wilson, of Springfield, Va., said', 'Donna Sampson Rawlings, 59, of Ashton,
 * Md., who watched the ceremony, said': walking back from the comma before the cue over
 * asides that are an age, a place of origin ('of Ashton', 'from Ohio'), a state's
 * abbreviation or a relative clause, the name before them. Null when the comma does not
 * close such an aside.
 */
function nameBeforeAppositives(tokens: readonly Token[], comma: number, floor: number): SpeakerPhrase | null {
  let close = comma;
  let skipped = 0;
  for (let segment = 0; segment < MAX_APPOSITIVES; segment++) {
    let open = close - 1;
    while (open >= floor && tokens[open]!.text !== ',' && close - open <= MAX_ASIDE_TOKENS) {
      if (ASIDE_BREAKS.test(tokens[open]!.text)) return null;
      open--;
    }
    if (close - open > MAX_ASIDE_TOKENS) return null;
    const segmentStart = open + 1;
    const first = tokens[segmentStart]!;
    const lower = first.text.toLowerCase();
    const length = close - segmentStart;
    const age = length === 1 && /^\d{1,3}$/.test(first.text);
    const origin = (lower === 'of' || lower === 'from') && length <= 4 && /^\p{Lu}/u.test(tokens[segmentStart + 1]?.text ?? '');
    let state = false;
    if (length <= 2) {
      // The segment's words run together ('N.Y.', 'Calif .'), built without an array of them.
      let run = '';
      for (let t = segmentStart; t < close; t++) run += tokens[t]!.text;
      state = STATE_ABBREVIATION.test(run);
    }
    const relative = lower === 'who' || lower === 'whose';
    if (!age && !origin && !state && !relative) {
      if (skipped === 0) return null;
      const named = phraseEndingAt(tokens, close - 1, segmentStart);
      return named && !startsAsDescription(tokens, named) && /^\p{Lu}/u.test(tokens[named.head]!.text) ? named : null;
    }
    if (open < floor) return null;
    skipped++;
    close = open;
  }
  return null;
}

/** 'Trump, who has nearly 9 million followers, tweeted': the name before ', who …,'. */
function nameBeforeRelativeClause(tokens: readonly Token[], comma: number, floor: number): SpeakerPhrase | null {
  for (let k = comma - 1; k > floor && comma - k <= MAX_ASIDE_TOKENS; k--) {
    const token = tokens[k]!;
    if (token.text === ',' ) {
      const opener = tokens[k + 1]!.text.toLowerCase();
      if (opener !== 'who' && opener !== 'whose' && opener !== 'which') return null;
      const named = phraseEndingAt(tokens, k - 1, floor);
      return named && !startsAsDescription(tokens, named) ? named : null;
    }
    if (token.kind === 'punctuation' && /^[.;:!?"“”]$/.test(token.text)) return null;
  }
  return null;
}

/** The speaker phrase that starts at token `first` (after 'said', 'according to'). */
export function speakerPhraseAfter(tokens: readonly Token[], first: number, limit: number, afterPreposition = false): SpeakerPhrase | null {
  const firstToken = tokens[first];
  if (!firstToken || first >= limit) return null;
  if (isSubjectPronoun(firstToken)) return { start: first, end: first + 1, head: first };
  let i = first;
  let head = -1;
  // After 'according to' a word is a noun whatever the tagger said ('according to police').
  if (afterPreposition && firstToken.kind === 'word' && (firstToken.pos === 'VERB' || firstToken.pos === 'ADV') && !isNotASpeaker(firstToken)) {
    head = first;
    i = first + 1;
  }
  let seenPreposition = false;
  while (i < limit && i - first < MAX_PHRASE_TOKENS) {
    const token = tokens[i]!;
    const lower = token.text.toLowerCase();
    if (token.pos === 'DET' || lower === 'the' || lower === 'a' || lower === 'an' || POSSESSIVE_DETERMINERS.has(lower)) {
      if (i > first && !LINKING_PREPOSITIONS.has(tokens[i - 1]!.text.toLowerCase())) break;
      i++;
      continue;
    }
    // 'the most recent data'
    if (/^(most|more|least|less)$/.test(lower) && tokens[i + 1]?.pos === 'ADJ') {
      i++;
      continue;
    }
    if (isModifier(token) || (head >= 0 && isCompoundVerb(tokens, i))) {
      // 'the average of recent polls': an adjective the tagger left as one heads a phrase before 'of'.
      if ((isNominal(token) || token.pos === 'ADJ' && head < 0 && tokens[i + 1]?.text.toLowerCase() === 'of') && !seenPreposition) head = i;
      i++;
      continue;
    }
    if (LINKING_PREPOSITIONS.has(lower) && token.pos === 'ADP' && head >= 0 && i + 1 < limit && (isModifier(tokens[i + 1]!) || tokens[i + 1]!.pos === 'DET')) {
      seenPreposition = true;
      i++;
      continue;
    }
    if (token.text === '(' && head >= 0) {
      let j = i + 1;
      while (j < limit && j - i < 8 && tokens[j]!.text !== ')') j++;
      if (j < limit && tokens[j]!.text === ')') {
        i = j + 1;
        continue;
      }
    }
    break;
  }
  if (head < 0 || isNotASpeaker(tokens[head]!)) return null;
  // Trim trailing prepositions and determiners.
  let end = i;
  while (end > head + 1 && !isNominal(tokens[end - 1]!) && tokens[end - 1]!.text !== ')') end--;
  return { start: first, end, head };
}

/** 'R-Ky', 'D-Md': a party letter, a hyphen and a state. */
function isPartyTag(tokens: readonly Token[], phrase: SpeakerPhrase): boolean {
  return /^[RDI]$/.test(tokens[phrase.start]!.text) && tokens[phrase.start + 1]?.text === '-';
}

/** 'the U.S. Ambassador', 'a spokesman', "Clinton's campaign", 'officials': a phrase that describes rather than names. */
export function startsAsDescription(tokens: readonly Token[], phrase: SpeakerPhrase): boolean {
  const first = tokens[phrase.start]!;
  if (first.pos === 'DET' || /^(the|a|an|this|that|its|his|her|their|our)$/i.test(first.text)) return true;
  for (let t = phrase.start; t < phrase.head; t++) if (isPossessive(tokens[t]!)) return true;
  const head = tokens[phrase.head]!;
  return !isCapitalized(head) && head.pos !== 'PRON';
}
