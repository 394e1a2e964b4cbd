/**
 * The data the browser build embeds, made at build time by the `lede-embedded-data`
 * plugin of tsup.config.ts: every file of DATA_FILE_NAMES (src/core/data-files.ts)
 * and wink-eng-lite-web-model's core JSON.
 */
declare module 'lede:embedded-data' {
  /** Text files of data/ by path ('lexicon/cues.json'), as UTF-8 text. */
  export const textFiles: Record<string, string>;
  /** Binary files of data/ by path ('model/ner-weights.bin'), as base64. */
  export const binaryFiles: Record<string, string>;
  /** wink-eng-lite-web-model's languages/cur/models/eng-core-web-model.json, as its text. */
  export const winkCoreText: string;
}
