// weak-hash for JavaScript/TypeScript: crypto.createHash('md5' | 'sha1') and the md5/sha1 npm packages in security contexts.
import { defineDetector, type SyntaxNode } from '../api';

const weak = /^(md5|sha1|sha-1|md4|md2|rsa-md5|rsa-sha1)$/i;

export default defineDetector({
  id: 'weak-hash',
  family: 'javascript',
  create(context) {
    return {
      call_expression(node: SyntaxNode) {
        const callee = node.childForFieldName('function');
        if (!callee) return;
        const resolved = context.resolveCallee(callee);
        if (resolved !== 'crypto.createHash' && resolved !== 'crypto.createHmac') return;
        const algorithm = node.childForFieldName('arguments')?.namedChildren[0];
        if (algorithm?.type !== 'string') return;
        const name = algorithm.text.slice(1, -1);
        if (!weak.test(name)) return;
        if (context.isTestCode(node)) return;
        context.report({
          node: algorithm,
          fix: {
            title: 'Use SHA-256 (changes the digest: stored or compared hashes must be migrated)',
            edits: [{ range: context.rangeOf(algorithm), newText: `${algorithm.text[0]}sha256${algorithm.text[0]}` }],
            preservesBehaviour: false,
          },
        });
      },
    };
  },
});
