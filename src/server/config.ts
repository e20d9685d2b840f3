/**
 * Configuration from the environment, read once at start. These variables are a public contract:
 * NEWSDESK_DATA (data folder, default ./data), DATABASE_URL (postgres://… selects PostgreSQL),
 * NEWSDESK_NOW (pins the clock, e.g. 2015-09-11T21:03:00+08:00), NEWSDESK_URL (public base URL),
 * PORT and HOST.
 */
import path from 'node:path';
import { type Clock, fixedClock, systemClock } from '../domain/clock.js';
import { ConfigError } from '../domain/errors.js';
import type { StoreLocation } from '../store/index.js';

export interface Config {
  store: StoreLocation;
  dataDir: string;
  clock: Clock;
  port: number;
  host: string;
  publicUrl: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.NEWSDESK_DATA || './data');
  const port = parsePort(env.PORT ?? '3000');
  return {
    dataDir,
    store: { databaseUrl: env.DATABASE_URL || undefined, sqliteFile: path.join(dataDir, 'newsdesk.sqlite') },
    clock: clockFrom(env.NEWSDESK_NOW),
    port,
    host: env.HOST || '0.0.0.0',
    publicUrl: (env.NEWSDESK_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
  };
}

export function clockFrom(pinned: string | undefined): Clock {
  if (!pinned) return systemClock;
  const instant = new Date(pinned);
  if (!/^\d{4}-\d{2}-\d{2}/.test(pinned) || Number.isNaN(instant.getTime())) {
    throw new ConfigError(`NEWSDESK_NOW="${pinned}" is not an ISO 8601 time such as 2015-09-11T21:03:00+08:00`);
  }
  return fixedClock(instant);
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError(`port "${value}" is not a number from 0 to 65535`);
  return port;
}
