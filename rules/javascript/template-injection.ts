// template-injection for JavaScript/TypeScript: request data compiled as a template (ejs, pug, Handlebars, nunjucks, lodash.template) or passed whole as render options.
import { defineDetector, type RuleContext, type SyntaxNode } from '../api';
import { unwrap } from './lib/constant-strings';
import { shorten, sinkLabel } from './lib/injection-assessment';
import { argumentsOf, matchSinks, shapeOf, sinkTriggers } from './lib/sink-calls';
import { reportInjection } from './lib/report-injection';

const hazard = 'template-injection';
const requestObject = /^(req|request|ctx\.request|ctx)\.(query|body|params)$/;

export default defineDetector({
  id: hazard,
  family: 'javascript',
  // And `res.render(view, req.query)`, which is no sink of the table.
  triggers: sinkTriggers([hazard], /\brender(?![\w$])/),
  anchored: true,
  create(context) {
    return {
      call_expression(node: SyntaxNode) {
        const match = matchSinks(context, node, hazard)[0];
        if (match) {
          const value = unwrap(match.value);
          if (!value || context.isTestCode(node)) return;
          const source = context.taint.sourceOf(value, hazard);
          if (source) {
            context.report({
              node: value,
              message: `A template compiled from ${source.label} through ${sinkLabel(match)} runs whatever code its tags contain on the server; render a fixed template and pass the input as data.`,
            });
            return;
          }
          // Template source spliced together from values (`pug.render('p Hello ' + name)`): whatever they hold is compiled as template code.
          reportInjection(context, value, node, {
            hazard,
            structural: true,
            tainted: (source) => `A template compiled from ${source} through ${sinkLabel(match)} runs whatever code its tags contain on the server; render a fixed template and pass the input as data.`,
            untainted: (part) => `${part} is spliced into the source of a template compiled by ${sinkLabel(match)}, so template tags in it run as code on the server; keep the template constant and pass the value as data.`,
          });
          return;
        }
        checkRender(context, node);
      },
    };
  },
});

/** `res.render('page', req.query)`: ejs and hbs read options such as `settings`, `outputFunctionName` and `layout` from the data. */
function checkRender(context: RuleContext, node: SyntaxNode): void {
  const shape = shapeOf(node);
  if (shape.name !== 'render' || !/^(res|response|ctx|reply)$/.test(shape.receiverText ?? '')) return;
  const [view, locals] = argumentsOf(node);
  if (!view || context.isTestCode(node)) return;
  const data = unwrap(locals);
  const whole = data && (requestObject.test(data.text) ? data : data.type === 'object' ? spreadRequest(data) : undefined);
  if (whole) {
    context.report({
      node: whole,
      message: `The whole ${shorten(whole.text)} is passed as template data, so a client can set engine options (ejs "settings[view options][outputFunctionName]", hbs "layout") and run code; pass only the fields the template needs.`,
    });
    return;
  }
  const source = context.taint.sourceOf(view, hazard);
  if (source && unwrap(view)?.type !== 'string') {
    context.report({
      node: view,
      message: `The template name comes from ${source.label}, so a client picks which file is rendered (and with "../" any file); map the input to a fixed set of template names.`,
    });
  }
}

function spreadRequest(object: SyntaxNode): SyntaxNode | undefined {
  for (const child of object.namedChildren) {
    const inner = child?.type === 'spread_element' ? unwrap(child.namedChildren[0]) : undefined;
    if (inner && requestObject.test(inner.text)) return inner;
  }
  return undefined;
}
