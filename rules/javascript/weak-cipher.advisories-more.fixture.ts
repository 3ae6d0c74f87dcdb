// Blind set (more): createDecipher, ECB via crypto-js, IV derived from key.
import crypto from 'node:crypto';
import CryptoJS from 'crypto-js';

export function decrypt(data: string, password: string): string {
  // expect: weak-cipher
  const decipher = crypto.createDecipher('aes192', password);
  return decipher.update(data, 'hex', 'utf8') + decipher.final('utf8');
}

export function encryptField(value: string, key: string): string {
  // expect: weak-cipher
  return CryptoJS.AES.encrypt(value, CryptoJS.enc.Utf8.parse(key), { mode: CryptoJS.mode.ECB }).toString();
}

export function encryptFieldFixed(value: string, key: string): string {
  const iv = CryptoJS.lib.WordArray.random(16);
  // ok: weak-cipher
  return iv.toString() + CryptoJS.AES.encrypt(value, CryptoJS.enc.Utf8.parse(key), { iv, mode: CryptoJS.mode.CBC }).toString();
}

export function encryptWithKeyIv(value: string, key: Buffer): string {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  return cipher.update(value, 'utf8', 'hex') + cipher.final('hex');
}

export function tripleDes(value: string): string {
  // expect: weak-cipher
  return CryptoJS.TripleDES.encrypt(value, process.env.KEY as string).toString();
}
