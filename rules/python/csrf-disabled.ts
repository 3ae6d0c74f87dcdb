// csrf-disabled for Python: Django csrf_exempt on cookie-authenticated views, MIDDLEWARE without CsrfViewMiddleware, DRF enforce_csrf overrides, Flask-WTF switched off.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode, type Visitors } from '../api';
import { flagValue } from './lib/flag-values';
import { configClassKind, isDevelopmentPath } from './lib/settings-modules';
import { calleeLastName, positionalArguments } from './lib/sink-calls';
import { literalText } from './lib/string-literals';
import { quietInTests } from './lib/test-code';

/** The view authenticates through the session cookie, which is what a forged cross-site request carries. */
const cookieAuthenticated = /\brequest\.user\b|\brequest\.session\b|\blogin_required\b|\bpermission_required\b|\buser_passes_test\b|\bstaff_member_required\b|\bcurrent_user\b|\bsession\[|\bsession\.get\(|LoginRequiredMixin/;
/** The view authenticates its caller some other way (signature, bearer token, API key), so CSRF does not apply. */
const otherAuthentication = /compare_digest|signature|\bAuthorization\b|HTTP_AUTHORIZATION|api[_-]?key|verify_webhook|construct_event/i;
const browserForm = /\brequest\.(POST|form)\b/;
const writesData = /\.(save|delete|create|update|bulk_create|add|remove|set)\(|session\.commit\(/;
/** Settings that turn CSRF checks off when False. */
const offWhenFalse: Record<string, string> = {
  WTF_CSRF_ENABLED: "Flask-WTF's CSRF check",
  WTF_CSRF_CHECK_DEFAULT: "Flask-WTF's automatic CSRF check",
  JWT_COOKIE_CSRF_PROTECT: "Flask-JWT-Extended's CSRF check for cookie tokens",
};

export default defineDetector({
  id: 'csrf-disabled',
  family: 'python',
  triggers: /csrf|CSRF|MIDDLEWARE|exempt/,
  anchored: true,
  create(rawContext): Visitors {
    const context = quietInTests(rawContext);
    if (isDevelopmentPath(context.file.path)) return {};
    return {
      decorator(node: SyntaxNode) {
        if (!node.text.includes('exempt')) return;
        const expression = node.namedChildren[0];
        if (!expression || !isExemptDecorator(expression, context)) return;
        const definition = node.parent;
        if (definition?.type !== 'decorated_definition') return;
        const text = definition.text;
        if (otherAuthentication.test(text)) return;
        // Session use is certain evidence; a form post (request.POST) that writes data is what browsers send, so likely.
        const session = cookieAuthenticated.test(text);
        if (!session && !(browserForm.test(text) && writesData.test(text))) return;
        context.report({
          node,
          confidence: session ? 'high' : 'medium',
          message: `${expression.text} turns off CSRF checks for a view that relies on the session cookie, so any website can make a logged-in visitor's browser submit this request; keep the check and send the CSRF token from the form or fetch call.`,
          fix: removeDecoratorFix(context, node),
        });
      },
      call(node: SyntaxNode) {
        // views.transfer = csrf_exempt(views.transfer), path("x/", csrf_exempt(view)): the view's body is out of reach.
        if (calleeLastName(node, context) !== 'csrf_exempt' || node.parent?.type === 'decorator') return;
        const callee = node.childForFieldName('function');
        if (!callee || !isExemptDecorator(callee, context)) return;
        const view = positionalArguments(node.childForFieldName('arguments'))[0];
        if (!view || /webhook|hook|callback|ipn|notify|health|ping|status|api|graphql/i.test(view.text)) return;
        context.report({
          node,
          confidence: 'medium',
          message: `csrf_exempt(${view.text}) turns off CSRF checks for this view, so if it relies on the session cookie any website can make a logged-in visitor's browser submit it; keep the check, or authenticate the view with a token instead of the cookie.`,
        });
      },
      assignment(node: SyntaxNode) {
        const left = node.childForFieldName('left');
        if (!left || !/MIDDLEWARE|CSRF/.test(left.text)) return;
        const right = node.childForFieldName('right');
        if (!right) return;
        const name = left.type === 'identifier' ? left.text
          : left.type === 'subscript' && /(^|\.)config$/.test(left.childForFieldName('value')?.text ?? '') ? literalText(left.childForFieldName('subscript')) : undefined;
        if (!name) return;
        if (name === 'MIDDLEWARE' || name === 'MIDDLEWARE_CLASSES') checkMiddleware(context, node, right);
        else checkSetting(context, node, name, right);
      },
      keyword_argument(node: SyntaxNode) {
        const name = node.childForFieldName('name')?.text ?? '';
        if (!offWhenFalse[name]) return;
        const call = node.parent?.parent;
        const object = call?.type === 'call' ? call.childForFieldName('function')?.childForFieldName('object') : undefined;
        if (!object || !/(^|\.)config$/.test(object.text)) return;
        checkSetting(context, node, name, node.childForFieldName('value'));
      },
      function_definition(node: SyntaxNode) {
        if (node.childForFieldName('name')?.text !== 'enforce_csrf') return;
        const classNode = node.parent?.parent?.type === 'class_definition' ? node.parent.parent : node.parent?.parent?.parent?.type === 'class_definition' ? node.parent.parent.parent : undefined;
        const bases = classNode?.childForFieldName('superclasses')?.text ?? '';
        if (!/SessionAuthentication/.test(bases)) return;
        const body = node.childForFieldName('body');
        if (!body || /\bsuper\(|enforce_csrf|CSRFCheck|raise\b/.test(body.text)) return;
        context.report({ node, message: 'Overriding enforce_csrf to do nothing makes DRF accept session-authenticated writes from any website, so a logged-in visitor can be made to submit them; remove the override and send the CSRF token from the client (or use token authentication).' });
      },
    };
  },
});

function checkSetting(context: RuleContext, at: SyntaxNode, name: string, value: SyntaxNode | null): void {
  const what = offWhenFalse[name];
  if (!what || !value || flagValue(value, context) !== false || configClassKind(at) === 'development') return;
  const fix: Fix | undefined = value.type === 'false'
    ? { title: `Set ${name} = True (forms and AJAX posts must send the CSRF token)`, edits: [{ range: context.rangeOf(value), newText: 'True' }], preservesBehaviour: false }
    : undefined;
  context.report({ node: at, message: `${name} = False turns off ${what}, so any website can make a logged-in visitor's browser submit forms to this app; keep it on and send the token with each post.`, ...(fix ? { fix } : {}) });
}

/** Django MIDDLEWARE with sessions and authentication but no CsrfViewMiddleware: every view is open to forged posts. */
function checkMiddleware(context: RuleContext, node: SyntaxNode, list: SyntaxNode): void {
  if (list.type !== 'list' && list.type !== 'tuple') return;
  const entries = list.namedChildren.filter((e): e is SyntaxNode => !!e && e.type !== 'comment');
  const texts = entries.map((e) => literalText(e) ?? '');
  if (texts.some((t) => t === '' || /Csrf/i.test(t))) return;
  if (!texts.some((t) => /SessionMiddleware|AuthenticationMiddleware/.test(t))) return;
  const auth = entries.find((e) => /AuthenticationMiddleware/.test(e.text)) ?? entries.find((e) => /SessionMiddleware/.test(e.text));
  let fix: Fix | undefined;
  if (auth) {
    const quote = auth.text.startsWith("'") ? "'" : '"';
    const start = context.rangeOf(auth).start;
    const sameLine = entries.every((e) => e.startPosition.row === auth.startPosition.row);
    fix = {
      title: 'Add CsrfViewMiddleware (posts without a valid CSRF token will be refused)',
      edits: [{ range: { start, end: start }, newText: `${quote}django.middleware.csrf.CsrfViewMiddleware${quote},${sameLine ? ' ' : `\n${' '.repeat(start.character)}`}` }],
      preservesBehaviour: false,
    };
  }
  // `# "django.middleware.csrf.CsrfViewMiddleware",`: the line someone commented out is the one to point at.
  const commented = list.namedChildren.find((e) => e?.type === 'comment' && /CsrfViewMiddleware/.test(e.text));
  context.report({ node: commented ?? node, message: 'MIDDLEWARE has sessions and authentication but no CsrfViewMiddleware, so any website can make a logged-in visitor\'s browser submit forms to every view; add django.middleware.csrf.CsrfViewMiddleware.', ...(fix ? { fix } : {}) });
}

/** `csrf_exempt` from Django, or `<CSRFProtect>.exempt`. */
function isExemptDecorator(expression: SyntaxNode, context: RuleContext): boolean {
  const callee = expression.type === 'call' ? expression.childForFieldName('function') : expression;
  if (!callee) return false;
  // @method_decorator(csrf_exempt, name="dispatch") on a class-based view.
  if (expression.type === 'call' && callee.text === 'method_decorator') {
    const inner = positionalArguments(expression.childForFieldName('arguments'))[0];
    return !!inner && isExemptDecorator(inner, context);
  }
  if (callee.type === 'identifier') return callee.text === 'csrf_exempt' && context.bindings.some((b) => b.local === 'csrf_exempt' && b.module.startsWith('django'));
  if (callee.type === 'attribute') {
    const name = callee.childForFieldName('attribute')?.text;
    if (name === 'csrf_exempt') return true;
    return name === 'exempt' && /csrf/i.test(callee.childForFieldName('object')?.text ?? '');
  }
  return false;
}

/** Deletes a decorator line (with its line break). */
function removeDecoratorFix(context: RuleContext, decorator: SyntaxNode): Fix {
  const start = { line: decorator.startPosition.row, character: 0 };
  const end = { line: decorator.endPosition.row + 1, character: 0 };
  return { title: 'Remove the CSRF exemption (posts must now carry the CSRF token)', edits: [{ range: { start, end }, newText: '' }], preservesBehaviour: false };
}
