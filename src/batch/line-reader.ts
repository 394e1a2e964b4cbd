/**
 * Lines of a byte stream, pulled one chunk at a time (so a slow consumer slows
 * the reading). Splits on '\n' in the bytes (UTF-8 never has that byte inside a
 * character), drops a '\r' before it and a UTF-8 byte-order mark at the start.
 * A final line break ends the last line; it does not start an empty one.
 */

export interface InputLine {
  /** The line's text, without its line break. */
  text: string;
  /** 1-based line number. */
  number: number;
  /** Bytes the line took in the input, line break included (for progress). */
  bytes: number;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

function decode(parts: Buffer[], first: boolean): string {
  let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  if (bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN) bytes = bytes.subarray(0, bytes.length - 1);
  if (first && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  return bytes.toString('utf8');
}

export async function* readLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<InputLine, void, undefined> {
  let partial: Buffer[] = [];
  let partialBytes = 0;
  let number = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    let end = buffer.indexOf(NEWLINE, start);
    while (end !== -1) {
      partial.push(buffer.subarray(start, end));
      number++;
      const text = decode(partial, number === 1);
      const bytes = partialBytes + (end - start) + 1;
      partial = [];
      partialBytes = 0;
      yield { text, number, bytes };
      start = end + 1;
      end = buffer.indexOf(NEWLINE, start);
    }
    if (start < buffer.length) {
      // Copy: the stream may reuse its chunk's memory.
      partial.push(Buffer.from(buffer.subarray(start)));
      partialBytes += buffer.length - start;
    }
  }
  if (partialBytes > 0) {
    number++;
    yield { text: decode(partial, number === 1), number, bytes: partialBytes };
  }
}
