// Blind set: credentials committed in config modules and clients.
'use strict';
const AWS = require('aws-sdk');
const Stripe = require('stripe');
const mysql = require('mysql2');

AWS.config.update({
  // expect: hardcoded-secret
  accessKeyId: 'AKIAZ3QF5ABCD7EFGH2K',
  // expect: hardcoded-secret
  secretAccessKey: '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',
  region: 'us-east-1',
});

AWS.config.update({
  accessKeyId: process.env.AWS_ACCESS_KEY_ID,
  // ok: hardcoded-secret
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
});

// expect: hardcoded-secret
const stripe = Stripe('sk_live_51HqLyjWDarjtT1zdp7dcXhGq4CfkL9mNvB2xR8sT3uY6wZ0a');
// ok: hardcoded-secret
const stripeSafe = Stripe(process.env.STRIPE_SECRET_KEY);

const connection = mysql.createConnection({
  host: 'db.prod.internal',
  user: 'admin',
  // expect: hardcoded-secret
  password: 'Pr0d#Adm1n!2023',
  database: 'orders',
});

const config = {
  github: {
    // expect: hardcoded-secret
    token: 'ghp_R4nd0mT0k3nV4lu3F0rT3st1ngXyZ12345678',
  },
  slack: {
    // expect: hardcoded-secret
    webhook: 'https://hooks.slack.com/services/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',
  },
  // ok: hardcoded-secret
  sendgridKey: process.env.SENDGRID_API_KEY || '',
};

// expect: hardcoded-secret
const PRIVATE_KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aumge2\n-----END RSA PRIVATE KEY-----';

// expect: hardcoded-secret
const API_SECRET = 'f3b9c2e7a1d84c6f9e0b5a7d2c8f1e4b';
// ok: hardcoded-secret
const API_SECRET_NAME = 'API_SECRET';

module.exports = { stripe, stripeSafe, connection, config, PRIVATE_KEY, API_SECRET, API_SECRET_NAME };
