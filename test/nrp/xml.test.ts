/** The NRP XML reader and writer (connectors/nrp/xml.ts), shared by the client and the mock. */
import t from 'tap';
import { XmlError, element, fields, parseXml, xmlText } from '../../connectors/nrp/xml.js';

t.test('reads elements into nested values, lists where asked or repeated', async (t) => {
  const doc = parseXml('<?xml version="1.0" encoding="UTF-8"?><R><H><Code> 0 </Code><Empty/><E2></E2></H><B><List><Item><A>1</A></Item></List><Twice>a</Twice><Twice>b</Twice></B></R>',
    (path) => path === 'R.B.List.Item');
  t.same(JSON.parse(JSON.stringify(doc)), { R: { H: { Code: '0', Empty: '', E2: '' }, B: { List: { Item: [{ A: '1' }] }, Twice: ['a', 'b'] } } });
  t.equal(Object.getPrototypeOf(doc), null, 'objects have no prototype');
});

t.test('entities, character references and CDATA are text', async (t) => {
  const doc = parseXml('<a><b>&lt;x&gt; &amp; &#x9F99;&#40857;</b><c><![CDATA[<not a tag>]]></c></a>') as { a: { b: string; c: string } };
  t.equal(doc.a.b, '<x> & 龙龙');
  t.equal(doc.a.c, '<not a tag>');
});

t.test('element names of the agency never reach a prototype', async (t) => {
  const doc = parseXml('<a><__proto__><polluted>yes</polluted></__proto__><constructor>x</constructor></a>') as Record<string, Record<string, unknown>>;
  t.equal(({} as Record<string, unknown>).polluted, undefined);
  t.same(Object.keys(doc.a!), ['__proto__', 'constructor']);
});

t.test('what is not well-formed XML is refused', async (t) => {
  const bad = {
    'not XML': 'hello',
    'unclosed': '<a><b></a>',
    'two roots': '<a/><b/>',
    'undefined entity': '<a>&nope;</a>',
    'a DOCTYPE (no entity of the agency is expanded)': '<!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;">]><a>&y;</a>',
    'an external entity': '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
    'truncated': '<?xml version="1.0"?><Response><Header><Code>0</Code></Hea',
    empty: '',
  };
  for (const [what, text] of Object.entries(bad)) t.throws(() => parseXml(text), XmlError, what);
});

t.test('writing escapes the five characters and refuses what XML cannot carry', async (t) => {
  t.equal(xmlText(`a<b>&"c'`), 'a&lt;b&gt;&amp;&quot;c&apos;');
  t.equal(element('X', xmlText('鲁(2021)青岛市')), '<X>鲁(2021)青岛市</X>');
  t.equal(fields({ A: 'x&y', B: 2 }), '<A>x&amp;y</A><B>2</B>');
  for (const bad of ['\u0000', 'a\u0001', '\uffff', '\ud800x', 'x\udc00']) t.throws(() => xmlText(bad), XmlError, JSON.stringify(bad));
  t.equal(xmlText('tab\there\nnew line\u{1F600}'), 'tab\there\nnew line\u{1F600}', 'tab, newline and astral characters are fine');
  const round = parseXml(element('a', fields({ b: `<&>"'` }))) as { a: { b: string } };
  t.equal(round.a.b, `<&>"'`, 'what is written reads back');
});
