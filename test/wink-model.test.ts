/**
 * src/node/wink-model.ts puts wink-nlp's English model together without the
 * package's deep copy of its core. It must give wink-nlp exactly the core the
 * package gives, leave the package's JSON as it found it, and tokenise and tag
 * exactly as the package's model does.
 */

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import packageModel from 'wink-eng-lite-web-model';
import { loadWinkModel, readWinkCore, winkCoreJson } from '../src/node/wink-model.js';
import { enterEveryWord, readWinkCoreWith, REMEMBERED_MISSES } from '../src/core/wink-core.js';
import { readSample } from './helpers.js';

const fingerprint = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Tokens, their types and parts of speech, and sentences, as the tokenize stage reads them. */
function analyse(nlp: ReturnType<typeof winkNLP>, text: string): unknown {
  const doc = nlp.readDoc(text);
  const its = nlp.its;
  return [doc.tokens().out(its.value), doc.tokens().out(its.type), doc.tokens().out(its.pos), doc.sentences().out(its.span)];
}

describe('wink-nlp model without the deep copy', () => {
  it.each([
    ['a copy of the JSON', () => readWinkCore(winkCoreJson())],
    ['the objects of a JSON of its own', () => readWinkCoreWith(structuredClone(winkCoreJson()), (base64) => Buffer.from(base64, 'base64'), true)],
    ["the file's base64 read from its bytes (loadWinkModel)", () => (loadWinkModel().core as () => Record<string, unknown>)()],
  ])("reads the core exactly as the package's own loader does, made of %s", (_, read) => {
    const ours = read();
    const theirs = (packageModel.core as () => Record<string, unknown>)();
    // The lexeme index is filled in as words are asked for: fill it all, then compare it as a plain object.
    enterEveryWord(ours);
    const lexeme = (core: Record<string, unknown>) => (core.features as Record<string, { hash: Record<string, number> }>).lexeme!;
    const oursHash = lexeme(ours).hash;
    expect({ ...oursHash }).toStrictEqual({ ...lexeme(theirs).hash });
    expect('the' in oursHash && 'The' in oursHash && '$%^oov^%$' in oursHash && !('no such word' in oursHash) && !('tHe' in oursHash)).toBe(true);
    lexeme(ours).hash = lexeme(theirs).hash;
    expect(ours).toStrictEqual(theirs);
  });

  it("never changes the package's JSON, even while wink-nlp adds words it has not seen", () => {
    const json = winkCoreJson();
    const before = fingerprint(json);
    const nlp = winkNLP(loadWinkModel(), ['sbd', 'pos']);
    analyse(nlp, 'Zqxvbrt Mammadyarov and Qwertzuiopü met in Xyzzyville on Blorpday. Lavrov\'s aides said "no".');
    expect(fingerprint(json)).toBe(before);
  });

  it("tokenises and tags as the package's model does, words it has not seen included", () => {
    const texts = [
      readSample(),
      'LAVROV, MAMMADYAROV DISCUSS KARABAKH\nRussian Foreign Minister Sergey Lavrov met Elmar Mammadyarov in Moscow on Monday.',
      "Zqxvbrt Qwertzuiopü can't, won't and didn't; U.S.-based co-op's e-mail: a@b.com #tag @user 3.14 :-) 1990s 2nd $5",
    ];
    const ours = winkNLP(loadWinkModel(), ['sbd', 'pos']);
    const theirs = winkNLP(packageModel, ['sbd', 'pos']);
    for (const text of [...texts, ...texts]) expect(analyse(ours, text)).toEqual(analyse(theirs, text));
  });
});

describe('the lazy lexeme index', () => {
  const lexemeOf = (core: Record<string, unknown>) => (core.features as Record<string, { hash: Record<string, number | undefined>; list: string[] }>).lexeme!;

  it('reads a text it has not got as undefined, remembers it as such, and takes the index wink-nlp gives it later', () => {
    const { hash, list } = lexemeOf(readWinkCore(winkCoreJson()));
    expect(Object.keys(hash)).toEqual([]);
    expect(hash['said.']).toBeUndefined();
    expect(hash['said']).toBe(list.indexOf('said'));
    expect(Object.keys(hash)).toEqual(['said.', 'said']);
    expect(Object.getOwnPropertyDescriptor(hash, 'said.')).toEqual({ value: undefined, writable: true, enumerable: true, configurable: true });
    expect(hash['said.']).toBeUndefined();
    // wink-nlp learning the text: getFeaturesIndex's `h[value] = f.index`
    hash['said.'] = list.length;
    expect(hash['said.']).toBe(list.length);
    // `in` asks the list and remembers nothing
    expect('Trump,' in hash).toBe(false);
    expect(Object.keys(hash)).toEqual(['said.', 'said']);
  });

  it(`remembers at most ${REMEMBERED_MISSES.toLocaleString('en')} texts it has not got, and reads the rest the same`, () => {
    const { hash } = lexemeOf(readWinkCore(winkCoreJson()));
    const misses = REMEMBERED_MISSES + 100;
    for (let k = 0; k < misses; k++) expect(hash[`zq${k}.`]).toBeUndefined();
    expect(Object.keys(hash)).toHaveLength(REMEMBERED_MISSES);
    expect(hash[`zq${misses - 1}.`]).toBeUndefined();
    expect(hash['The']).toBeTypeOf('number');
    expect(Object.keys(hash)).toHaveLength(REMEMBERED_MISSES + 1);
  });
});
