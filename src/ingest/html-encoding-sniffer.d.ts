/** html-encoding-sniffer ships no types: its one function, as its README gives it. */
declare module 'html-encoding-sniffer' {
  /** The encoding of an HTML byte stream by the HTML standard's sniffing: BOM, the transport layer's label, the meta prescan, else `defaultEncoding`. */
  export default function htmlEncodingSniffer(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}
