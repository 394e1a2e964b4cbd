/**
 * CoNLL-2003 documents as text, for the scripts that time lede on news
 * (scripts/bench.mjs, scripts/stage-ab.mjs): each document's tokens joined by
 * spaces, one sentence per line, with its token count.
 */

import { readFileSync } from 'node:fs';

export function conllDocuments(path) {
  const documents = [];
  let sentences = [];
  let sentence = [];
  let tokens = 0;
  const endSentence = () => {
    if (sentence.length > 0) sentences.push(sentence.join(' '));
    sentence = [];
  };
  const endDocument = () => {
    endSentence();
    if (sentences.length > 0) documents.push({ text: sentences.join('\n'), tokens });
    sentences = [];
    tokens = 0;
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) endDocument();
    else if (line.trim() === '') endSentence();
    else {
      sentence.push(line.split(' ')[0]);
      tokens++;
    }
  }
  endDocument();
  return documents;
}
