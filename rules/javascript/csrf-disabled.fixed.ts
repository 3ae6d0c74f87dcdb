// Fixture for csrf-disabled: Express forms with csurf, framework security configs (lusca, Sails, AdonisJS, SvelteKit, Astro) and an Angular module.
import express from 'express';
import csrf from 'csurf';
import lusca from 'lusca';
import cookieParser from 'cookie-parser';
import { HttpClientXsrfModule, provideHttpClient, withNoXsrfProtection, withXsrfConfiguration } from '@angular/common/http';

const app = express();
app.use(cookieParser());
const csrfProtection = csrf({ cookie: true });
const parseForm = express.urlencoded({ extended: false });

// ---- CSRF protection off, or missing where siblings have it: reported. ----

// ok: csrf-disabled
app.get('/account/email', csrfProtection, (req, res) => res.render('email', { csrfToken: req.csrfToken() }));
// expect: csrf-disabled
app.post('/account/email', parseForm, csrfProtection, (req, res) => res.redirect('/account'));
// ok: csrf-disabled
app.get('/account/delete', csrfProtection, (req, res) => res.render('delete', { csrfToken: req.csrfToken() }));
// ok: csrf-disabled
app.post('/account/delete', parseForm, csrfProtection, (req, res) => res.redirect('/goodbye'));
// expect: csrf-disabled
app.post('/account/transfer', parseForm, csrfProtection, (req, res) => res.redirect('/account'));
// A payment provider's webhook authenticates by signature, not by cookie.
// ok: csrf-disabled
app.post('/webhooks/stripe', express.raw({ type: 'application/json' }), (req, res) => res.sendStatus(200));

app.use(lusca({
  // expect: csrf-disabled
  csrf: true,
  xframe: 'SAMEORIGIN',
}));

// Sails config/security.js
export const security = {
  // expect: csrf-disabled
  csrf: true,
  cors: { allRoutes: false },
};

// AdonisJS config/shield.ts
export const csrfConfig = {
  // expect: csrf-disabled
  enabled: true,
  exceptRoutes: [],
};
const shieldConfig = {
  csrf: {
    // expect: csrf-disabled
    enabled: true,
  },
};

// svelte.config.js
export const svelteConfig = {
  kit: {
    csrf: {
      // expect: csrf-disabled
      checkOrigin: true,
    },
  },
};

// astro.config.mjs
export const astroConfig = {
  security: {
    // expect: csrf-disabled
    checkOrigin: true,
  },
};

export const angularImports = [
  // expect: csrf-disabled
  HttpClientXsrfModule.disable(),
];

// expect: csrf-disabled
export const angularProviders = [provideHttpClient(withNoXsrfProtection())];

// expect: csrf-disabled
const lenientCsrf = csrf({ cookie: true, ignoreMethods: ['GET', 'HEAD', 'OPTIONS', 'POST'] });

export const settings = {
  // expect: csrf-disabled
  disableCsrf: false,
};

// ---- Protection on, or nothing to compare with: quiet. ----

const api = express.Router();
api.use(csrfProtection);
// ok: csrf-disabled
api.post('/profile', parseForm, (req, res) => res.json({ ok: true }));
// ok: csrf-disabled
api.delete('/profile', (req, res) => res.sendStatus(204));

// A JSON API with bearer tokens: no route uses CSRF middleware, so none is compared.
const tokenApi = express.Router();
// ok: csrf-disabled
tokenApi.post('/items', (req, res) => res.status(201).json({ id: 1 }));

app.use(lusca({
  // ok: csrf-disabled
  csrf: true,
  // ok: csrf-disabled
  xssProtection: true,
}));

export const angularSafe = [
  provideHttpClient(
    // ok: csrf-disabled
    withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
  ),
];

// ok: csrf-disabled
const strictCsrf = csrf({ cookie: true, ignoreMethods: ['GET', 'HEAD', 'OPTIONS'] });

export const featureFlags = {
  // Not a CSRF setting.
  // ok: csrf-disabled
  enabled: false,
};

export const svelteStrict = {
  kit: {
    // ok: csrf-disabled
    csrf: { checkOrigin: true },
  },
};

export { shieldConfig, lenientCsrf, strictCsrf, api, tokenApi };
declare global {
  namespace Express {
    interface Request {
      csrfToken(): string;
    }
  }
}
