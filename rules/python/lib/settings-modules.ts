// Owns telling Python settings and config modules apart: Django/Flask settings files, config classes, and the development-only ones where debug switches belong.
import { moduleFact, type RuleContext, type SyntaxNode } from '../../api';
import { importsModule } from './import-facts';
import { wordsOf } from './name-words';

/** Path parts that mark development, test or example configuration: settings/dev.py, local_settings.py, config/testing.py. */
const developmentWords = new Set(['dev', 'develop', 'development', 'local', 'test', 'tests', 'testing', 'example', 'examples', 'sample', 'samples', 'ci', 'demo', 'demos', 'tutorial', 'sandbox']);
/** Config class names that say they are for development or tests: DevelopmentConfig, TestingSettings, LocalConfig. */
const developmentClassWords = new Set(['dev', 'development', 'develop', 'local', 'test', 'testing', 'debug', 'ci', 'demo']);
const productionClassWords = new Set(['prod', 'production', 'staging', 'live', 'deploy', 'deployment', 'release']);
/** Django settings every real settings module has; seeing one makes any module a settings module. */
const djangoSettingNames = /^(INSTALLED_APPS|MIDDLEWARE|MIDDLEWARE_CLASSES|ROOT_URLCONF|ALLOWED_HOSTS|DATABASES|WSGI_APPLICATION|TEMPLATES)$/;

const developmentPaths = new Map<string, boolean>();

/** True when the file path says development, tests or examples (settings/dev.py, local_settings.py, tests/…). */
export function isDevelopmentPath(path: string): boolean {
  let known = developmentPaths.get(path);
  if (known === undefined) {
    const parts = path.split('/');
    known = parts.some((part) => part === 'docs' || wordsOf(part.replace(/\.py$/, '')).some((w) => developmentWords.has(w)));
    if (developmentPaths.size > 1000) developmentPaths.clear();
    developmentPaths.set(path, known);
  }
  return known;
}

/** True when the file is a settings or config module by name: settings.py, settings/base.py, config.py, app_config.py. */
export function isSettingsPath(path: string): boolean {
  const parts = path.toLowerCase().split('/');
  const base = parts[parts.length - 1].replace(/\.py$/, '');
  return /(^|_)(settings|config|conf|configuration)(_|$)/.test(base) || parts.slice(0, -1).some((p) => p === 'settings' || p === 'config');
}

/**
 * True when the module assigns one of Django's core settings at top level. A module fact: a cached finding that read it
 * is redone when another statement adds or removes such a setting.
 */
export function hasDjangoSettings(at: SyntaxNode): boolean {
  return moduleFact(at, 'python/django-settings', (root) => root.namedChildren.some((statement) => {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== 'assignment') return false;
    const left = assignment.childForFieldName('left');
    return left?.type === 'identifier' && djangoSettingNames.test(left.text);
  }));
}

export type ConfigClassKind = 'development' | 'production' | 'neutral';

/** The class a statement sits in, judged by its name: DevelopmentConfig → development, ProductionConfig → production. */
export function configClassKind(node: SyntaxNode): ConfigClassKind | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return undefined;
    if (n.type !== 'class_definition') continue;
    const words = wordsOf(n.childForFieldName('name')?.text ?? '');
    if (words.some((w) => developmentClassWords.has(w))) return 'development';
    if (words.some((w) => productionClassWords.has(w))) return 'production';
    return 'neutral';
  }
  return undefined;
}

/** True for code under `if __name__ == "__main__":`, where a script starts its own development server. */
export function isUnderMainGuard(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'if_statement' && /__name__\s*==\s*["']__main__["']|["']__main__["']\s*==\s*__name__/.test(n.childForFieldName('condition')?.text ?? '')) return true;
  }
  return false;
}

/** True when the file imports a web framework or server (so `run(debug=True)` starts one). */
export function importsWebFramework(context: RuleContext): boolean {
  return importsModule(context, webFrameworks);
}

const webFrameworks = /^(flask|flask_\w+|quart|bottle|dash|sanic|werkzeug|fastapi|starlette|uvicorn|tornado|aiohttp|django|rest_framework|ninja|falcon|pyramid|cherrypy|connexion|responder|litestar|streamlit|gradio)(\.|$)/;
