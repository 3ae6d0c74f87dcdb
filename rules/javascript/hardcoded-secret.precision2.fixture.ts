// Enum values and event names spell out their constant's name (PascalCase, a version suffix, a namespace prefix):
// labels that say which step or event this is, not credentials.

// ok: hardcoded-secret
export const STEP_PASSWORD_REQUIRED_V3 = 'StepPasswordRequiredResultV3';
// ok: hardcoded-secret
export const STEP_NEW_PASSWORD_REQUIRED = 'StepNewPasswordRequiredResult';

export const AuthEvents = {
  // ok: hardcoded-secret
  REFRESH_TOKEN_EXPIRED: 'auth:refreshTokenExpired',
  // ok: hardcoded-secret
  ISSUE_TOKEN_FAILED: 'vault/issueTokenFailed',
};

// A PascalCase value that does not restate its name is still a password.
// expect: hardcoded-secret
export const SERVICE_PASSWORD = 'WinterHarbourLantern';

export const clientConfig = {
  // expect: hardcoded-secret
  password: 'MaplePorchV9',
};
