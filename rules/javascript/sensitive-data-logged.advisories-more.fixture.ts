// Blind set (more): pino/winston objects with secrets, card data, reset tokens.
import pino from 'pino';

const log = pino();

export function onPasswordReset(email: string, resetToken: string) {
  // expect: sensitive-data-logged
  log.info({ email, resetToken }, 'password reset requested');
  // ok: sensitive-data-logged
  log.info({ email }, 'password reset requested');
}

export function charge(card: { number: string; cvv: string }, amount: number) {
  // expect: sensitive-data-logged
  console.log('charging card', card.number, card.cvv, amount);
}

export function configure(options: { clientSecret: string; clientId: string }) {
  // expect: sensitive-data-logged
  console.info(`OAuth configured: ${options.clientId} / ${options.clientSecret}`);
  // ok: sensitive-data-logged
  console.info(`OAuth configured: ${options.clientId}`);
}

export function onLogin(user: { id: string; password: string }) {
  // expect: sensitive-data-logged
  log.debug(`user ${user.id} logged in with ${user.password}`);
}
