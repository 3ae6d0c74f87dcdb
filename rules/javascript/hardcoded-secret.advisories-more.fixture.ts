// Blind set (more): connection strings with passwords, SDK clients, auth headers.
import mongoose from 'mongoose';
import OpenAI from 'openai';
import twilio from 'twilio';
import axios from 'axios';

// expect: hardcoded-secret
mongoose.connect('mongodb+srv://admin:S3cr3tPassw0rd@cluster0.ab1cd.mongodb.net/prod?retryWrites=true');
// ok: hardcoded-secret
mongoose.connect(process.env.MONGODB_URI as string);

// expect: hardcoded-secret
export const openai = new OpenAI({ apiKey: 'sk-proj-Xy7Qw2Lm9Np4Rt6Vb8Zc1Df3Gh5Jk7Lm9Np2Qr4St6Uv8Wx' });
// ok: hardcoded-secret
export const openaiSafe = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

// todo-expect: hardcoded-secret
export const sms = twilio('AC3f9a1b2c4d5e6f7a8b9c0d1e2f3a4b5c', '9f8e7d6c5b4a39281706f5e4d3c2b1a0');

export const api = axios.create({
  baseURL: 'https://api.partner.example.com',
  // expect: hardcoded-secret
  headers: { Authorization: 'Basic YWRtaW46c3VwZXJzZWNyZXRwYXNzd29yZA==' },
});

export const dbConfig = {
  host: process.env.DB_HOST,
  user: 'postgres',
  // expect: hardcoded-secret
  password: 'postgres123!',
};

export const dbConfigSafe = {
  host: process.env.DB_HOST,
  user: process.env.DB_USER,
  // ok: hardcoded-secret
  password: process.env.DB_PASSWORD,
};

// expect: hardcoded-secret
const SENDGRID_API_KEY = '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';
export { SENDGRID_API_KEY };
