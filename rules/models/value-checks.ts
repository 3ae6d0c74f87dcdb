// The checks, exits and numeric types that the JavaScript and Python taint models share today: one copy, named by both.
import type { ValueChecks } from './taint-model';

/**
 * Both languages' allow-list, format, type and URL checks, in one list as the analysis has always applied them: each model
 * names it, so a language can take its own list later without touching the analysis.
 */
export const sharedValueChecks: ValueChecks = {
  argumentChecks: /^(includes|has|test|match|fullmatch|isValid|isUUID|isInt|isAlphanumeric|isNumeric|isEmail|isURL|validate|url_has_allowed_host_and_scheme|is_safe_url|isSafeUrl|isSafePath)$/,
  namedArgumentChecks: /^(is_?|check_?|has_?)\w*(safe|valid|allowed|trusted|whitelist|allowlist|within|inside|subpath|contained|public|permitted)\w*$/i,
  receiverChecks: /^(isdigit|isalnum|isnumeric|isdecimal|isidentifier|isalpha|startswith|startsWith|is_relative_to)$/,
  prefixChecks: /^starts[wW]ith$/,
  typeCheck: 'isinstance',
  numericTypes: /^(int|float|bool|uuid\.UUID|UUID|Decimal|datetime|date)$/,
  // A str is never a query operator object nor a dict of attributes.
  textTypes: { types: ['str'], hazards: ['nosql-injection', 'mass-assignment'] },
  urlHostCheck: {
    parsers: /^(urlparse|urlsplit|urllib\.parse\.urlparse|urllib\.parse\.urlsplit|parse\.urlparse|URL)$/,
    parts: /^(netloc|scheme|hostname|host)$/,
    hazards: ['open-redirect', 'ssrf'],
  },
  contentFreeCalls: /^(len|type|id|hash)$/,
  containmentCalls: /common(path|prefix)$/,
};

/** Calls that end a branch: Flask/Werkzeug `abort`, `sys.exit`, Express `next()` and responses, Fastify `reply`, Koa `ctx.throw`, Django, requests. */
export const sharedExitCalls = /^(abort|sys\.exit|exit|next|res\.status\(.*\)\.(send|json|end)|res\.(sendStatus|send|json|end|redirect)|reply\.(code|send)|ctx\.throw|HttpResponseBadRequest|raise_for_status)\b/;

/** Type annotations of numbers and flags in either language: Python's `int`, `Decimal`, TypeScript's `number`, `bigint`. */
export const sharedNumericAnnotations = /^(int|float|bool|number|boolean|bigint|complex|Decimal)$/;
