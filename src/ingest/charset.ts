/**
 * The text of a page or file in the character set it is written in, by the HTML standard's sniffing
 * (html-encoding-sniffer): a byte-order mark, then the charset the HTTP content type names, then the
 * one the page declares in its first 1,024 bytes (`<meta charset="windows-1252">` or
 * `http-equiv="Content-Type"`); with none of these, UTF-8 when the bytes are valid UTF-8, else
 * windows-1252 (what older pages without a declaration are written in, and what browsers read them
 * as). Decoded by the Encoding Standard's decoders (@exodus/bytes): Node's own TextDecoder reads
 * windows-1252 as ISO-8859-1, losing the quotes, dashes and euro sign of 0x80 to 0x9F.
 */
import { TextDecoder } from '@exodus/bytes/encoding.js';
import htmlEncodingSniffer from 'html-encoding-sniffer';

export function decodeText(body: Uint8Array, contentType?: string | null): string {
  const named = contentType ? /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType)?.[1] : undefined;
  const sniffed = htmlEncodingSniffer(body, { transportLayerEncodingLabel: named, defaultEncoding: '' });
  // the Encoding Standard's "replacement" (iso-2022-kr and its kin, unsafe to decode) has no decoder here: read on as
  // if nothing were declared
  if (sniffed && sniffed !== 'replacement') {
    try {
      return new TextDecoder(sniffed).decode(body);
    } catch {
      /* a label the decoders do not have: as if nothing were declared */
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}
