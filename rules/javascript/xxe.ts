// xxe for JavaScript/TypeScript: libxmljs parsing non-constant XML with entity substitution (noent) or DTD loading turned on.
import { defineDetector, type RuleContext, type SyntaxNode } from '../api';
import { constantString, unwrap } from './lib/constant-strings';
import { argumentsOf, propertyValue, resolveTarget } from './lib/sink-calls';

const parsers = /^(libxmljs2?|libxml|node-libxml|libxmljs-mt)\.(parseXml|parseXmlString|parseXmlAsync|parseXmlStringAsync|Document\.fromXml|XmlDocument\.fromXml)$/;
const parserNames = /^(parseXml|parseXmlString|parseXmlAsync|parseXmlStringAsync|fromXml)$/;
const dangerous = ['noent', 'dtdload', 'dtdvalid'];

export default defineDetector({
  id: 'xxe',
  family: 'javascript',
  // What `parserNames` accepts, as the callee's name.
  triggers: /parseXml|fromXml/,
  anchored: true,
  create(context) {
    return {
      call_expression(node: SyntaxNode) {
        const callee = node.childForFieldName('function');
        const name = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text : callee?.text;
        if (!callee || !name || !parserNames.test(name)) return;
        const resolved = resolveTarget(context, callee) ?? '';
        const receiver = callee.type === 'member_expression' ? callee.childForFieldName('object')?.text ?? '' : '';
        if (!parsers.test(resolved) && !/libxml/i.test(receiver)) return;
        check(context, node);
      },
    };
  },
});

function check(context: RuleContext, call: SyntaxNode): void {
  const [xml, options] = argumentsOf(call);
  if (!xml || !options || constantString(xml) !== undefined || context.isTestCode(call)) return;
  for (const option of dangerous) {
    const value = propertyValue(options, option);
    if (!value || /^(false|0|null|undefined)$/.test(unwrap(value)?.text ?? '')) continue;
    const source = context.taint.sourceOf(xml, 'xxe');
    const inside = value.startIndex >= call.startIndex && value.endIndex <= call.endIndex;
    context.report({
      node: inside ? value.parent ?? value : options,
      confidence: source ? 'high' : 'medium',
      message: `Parsing ${source ? `XML from ${source.label}` : 'non-constant XML'} with ${option} enabled expands external entities, so a document can read local files (file:///etc/passwd) or make requests; leave ${option} off.`,
      fix: option === 'noent' && value.type === 'true'
        ? { title: 'Turn off entity substitution (noent: false): entities are no longer expanded', edits: [{ range: context.rangeOf(value), newText: 'false' }], preservesBehaviour: false }
        : undefined,
    });
    return;
  }
}
