// jwt-decode in the browser reads the signed-in user's own token: its purpose, not a hazard.
import { jwtDecode } from 'jwt-decode';
import { useMemo } from 'react';

export function useAuth(token) {
  return useMemo(() => {
    // ok: jwt-verification-disabled
    const claims = jwtDecode(token);
    return { id: claims?.sub, name: claims?.name };
  }, [token]);
}

// On the server, a handler that trusts decoded claims as the caller's identity is the hazard.
export function requireUser(req, res, next) {
  // expect: jwt-verification-disabled
  const claims = jwtDecode(req.headers.authorization.slice(7));
  req.user = { id: claims.sub, role: claims.role };
  next();
}
