/**
 * Finds keys that occur twice in one JSON object. JSON.parse keeps the last and says
 * nothing; a log shipper may keep the first: either way one value is lost.
 */
export function duplicateKeys(text: string): string[] {
  let i = 0;
  const dups: string[] = [];
  const ws = () => { while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++; };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        const key = str();
        if (seen.has(key)) dups.push(`${path}/${key}`);
        seen.add(key);
        ws(); i++; // colon
        value(`${path}/${key}`);
        ws();
        if (text[i++] === '}') return;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') { i++; return; }
      for (let n = 0; ; n++) {
        value(`${path}/${n}`);
        ws();
        if (text[i++] === ']') return;
      }
    }
    if (c === '"') { str(); return; }
    while (i < text.length && !',}] \t\r\n'.includes(text[i]!)) i++;
  };
  value('');
  return dups;
}
