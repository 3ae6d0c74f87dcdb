// Real-world shapes for hardcoded-secret: provider keys, PEM blocks, high-entropy secrets, passwords in connection strings, and the env-based fixes.
const AWS = require('aws-sdk');
const { Pool } = require('pg');
const mongoose = require('mongoose');
const nodemailer = require('nodemailer');
const Stripe = require('stripe');

AWS.config.update({
  // expect: hardcoded-secret
  accessKeyId: 'AKIANFMMEYBBZHGJHCAX',
  // expect: hardcoded-secret
  secretAccessKey: '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',
  region: 'us-east-1',
});

AWS.config.update({
  // ok: hardcoded-secret
  accessKeyId: process.env.AWS_ACCESS_KEY_ID,
  // ok: hardcoded-secret
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  region: 'us-east-1',
});

// expect: hardcoded-secret
const stripe = Stripe('sk_live_z7n5gDpoON0FZq30AZoz4sFx');
// ok: hardcoded-secret
const stripeFixed = Stripe(process.env.STRIPE_SECRET_KEY);

// expect: hardcoded-secret
const GITHUB_TOKEN = 'ghp_ZetRP1coOuoYTj6JpRk5dDIcvnwZQbEuBOU9';

const slack = {
  // expect: hardcoded-secret
  token: 'xoxb-549142003050-8820889390320-WpVxHCJDKxWufBbdAI6FCIxY',
};

// expect: hardcoded-secret
const pool = new Pool({ connectionString: 'postgres://admin:FnPM0CUxTpRVYS@db.prod.acmeinc.net:5432/app' });
// ok: hardcoded-secret
const poolFixed = new Pool({ connectionString: process.env.DATABASE_URL });
// ok: hardcoded-secret
const poolLocal = new Pool({ connectionString: 'postgres://localhost:5432/app' });

// expect: hardcoded-secret
mongoose.connect('mongodb+srv://appuser:Zx9qTrw7LmPa2v@cluster0.ab1cd.mongodb.net/prod?retryWrites=true');

const transporter = nodemailer.createTransport({
  host: 'smtp.sendgrid.net',
  port: 587,
  auth: {
    user: 'apikey',
    // expect: hardcoded-secret
    pass: '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',
  },
});

const db = {
  host: 'db.internal',
  user: 'root',
  // expect: hardcoded-secret
  password: 'Tr0ub4dor&3horse',
};

const dbFixed = {
  host: 'db.internal',
  user: 'root',
  // ok: hardcoded-secret
  password: process.env.DB_PASSWORD || '',
};

// expect: hardcoded-secret
const API_SECRET = '8036786aff0e6c23e340f85e2ec0a9f3c08f6d6e23cf1772c6f84c6692692333';

// expect: hardcoded-secret
const SHOPIFY_ACCESS_TOKEN = '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';

// expect: hardcoded-secret
const DO_TOKEN = 'dop_v1_82a70afdc1b648ae722bbf0502bb05ec4660b7bc81102f69f3b86522f7ac2287';

// expect: hardcoded-secret
const MAILCHIMP_API_KEY = 'a9cd47f90ce5656f8ba1b91312ce6593-us14';

// expect: hardcoded-secret
const privateKey = `-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB
-----END RSA PRIVATE KEY-----`;

function headers() {
  return {
    // expect: hardcoded-secret
    Authorization: 'Bearer gw86AEnQbCWtlYFq8NZg781XmMHgOCeYmFTS6pW2ldv',
  };
}

function headersFixed() {
  return {
    // ok: hardcoded-secret
    Authorization: `Bearer ${process.env.API_TOKEN}`,
  };
}

// Placeholders, examples, names that are not secrets.
// ok: hardcoded-secret
const PASSWORD_FIELD = 'password';
// ok: hardcoded-secret
const apiKeyPlaceholder = 'YOUR_API_KEY_HERE';
// ok: hardcoded-secret
const TOKEN_HEADER = 'x-access-token';
// ok: hardcoded-secret
const passwordRegex = '^(?=.*[A-Z])(?=.*[0-9]).{8,}$';
// ok: hardcoded-secret
const secretKeyName = 'STRIPE_SECRET_KEY';

// A config module from a MEAN tutorial.
const config = {
  // expect: hardcoded-secret
  secret: 'ilovescotchyscotch',
  // expect: hardcoded-secret
  database: 'mongodb://noder:noderauth54@ds012345.mlab.com:12345/appdb',
};

// A hard-coded admin login.
function checkAdmin(username, password) {
  // expect: hardcoded-secret
  return username === 'admin' && password === 'Adm1n!2019';
}

function checkAdminFixed(username, password) {
  // ok: hardcoded-secret
  return username === process.env.ADMIN_USER && password === process.env.ADMIN_PASSWORD;
}

const Sequelize = require('sequelize');
// expect: hardcoded-secret
const sequelize = new Sequelize('shop', 'shop_admin', 'Qw7!kLp9zX', { host: 'mysql.prod.acmeinc.net', dialect: 'mysql' });
// ok: hardcoded-secret
const sequelizeFixed = new Sequelize(process.env.DB_NAME, process.env.DB_USER, process.env.DB_PASS, { host: process.env.DB_HOST, dialect: 'mysql' });

async function callPartner(axios) {
  return axios.get('https://partner.acmeinc.net/v2/orders', {
    // expect: hardcoded-secret
    auth: { username: 'acme-integration', password: 'f9Kq2LmZp7Wx' },
  });
}

function basicAuthHeader() {
  // expect: hardcoded-secret
  return 'Basic ' + Buffer.from('svc-reporting:Rp9!vXq2Lm').toString('base64');
}

// Firebase web config: the apiKey is public by design.
const firebaseConfig = {
  // ok: hardcoded-secret
  apiKey: 'AIzaSyDOCAbC123dEf456GhI789jKl012-MnO',
  authDomain: 'acme-app.firebaseapp.com',
  projectId: 'acme-app',
};

module.exports = { stripe, stripeFixed, GITHUB_TOKEN, slack, pool, poolFixed, poolLocal, transporter, db, dbFixed, API_SECRET, SHOPIFY_ACCESS_TOKEN, DO_TOKEN, MAILCHIMP_API_KEY, privateKey, headers, headersFixed };
