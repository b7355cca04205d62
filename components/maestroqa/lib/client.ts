import type { Readable } from 'node:stream';
import {
  ClientContext,
  ExportJobStatus,
  HeaderAuth,
  HttpClient,
  ProviderError,
  TransientError,
  hashKey,
  rateWindowMs,
  stepHttpClient,
} from '@oih-suite/kit';

export const DEFAULT_BASE_URL = 'https://app.maestroqa.com/api/v1';

/** MaestroQA's "hard endpoint" bucket (coaching export): 1 request per second and 30 per minute per token. */
export const HARD_LIMITS = [
  { limit: 1, intervalMs: 1000 },
  { limit: 30, intervalMs: 60_000 },
];
/** Every other endpoint: 10 per second and 100 per minute per token. */
export const GENERAL_LIMITS = [
  { limit: 10, intervalMs: 1000 },
  { limit: 100, intervalMs: 60_000 },
];

export type TimeAxis = 'createdAt' | 'meetingDate';
export const TIME_AXES = { createdAt: 'Created at', meetingDate: 'Meeting date' } as const;

/** The credentials as the provider description reads them. */
export interface MaestroCredentials {
  apiToken: string;
  baseUrl: string;
}

/**
 * A 429 from MaestroQA carries no Retry-After, only `{"error": "Too many requests in the past second."}`
 * (or "minute"): wait for that whole window. The window is compressed like the throttle's in benchmarks.
 */
export function retryAfterFromBody(body: unknown): number | undefined {
  const text = body && typeof body === 'object' ? String((body as Record<string, unknown>).error ?? '') : String(body ?? '');
  if (/minute/i.test(text)) return rateWindowMs(60_000);
  if (/second/i.test(text)) return rateWindowMs(1000);
  return undefined;
}

/**
 * The export's `dataUrl` is a pre-signed URL on a storage host MaestroQA does not name: any https
 * host (plain http only for loopback or with allowInsecureHttp), reached without the apiToken.
 */
const PRESIGNED_DOWNLOAD = { hosts: 'any', reason: "MaestroQA's pre-signed export download (dataUrl)" } as const;

export class MaestroClient {
  readonly hard: HttpClient;
  readonly general: HttpClient;
  /** Pre-signed download URLs are not MaestroQA's API: no credentials, no MaestroQA throttle. */
  private readonly downloads: HttpClient;

  constructor({ cfg, credentials, log, redactor }: ClientContext<MaestroCredentials>) {
    const { apiToken, baseUrl } = credentials;
    const auth = new HeaderAuth('apiToken', apiToken);
    const key = hashKey(apiToken);
    const common = { baseUrl, auth, log, redactor, provider: 'MaestroQA', retryAfterFromBody };
    this.hard = stepHttpClient(cfg, { ...common, rateLimit: { key: `maestroqa:hard:${key}`, windows: HARD_LIMITS } });
    this.general = stepHttpClient(cfg, { ...common, rateLimit: { key: `maestroqa:general:${key}`, windows: GENERAL_LIMITS } });
    // The step's redactor knows the token: a pre-signed URL must never carry it back into a log.
    this.downloads = stepHttpClient(cfg, { baseUrl, log, redactor, provider: 'MaestroQA download' });
  }

  /** The coaching export; `startDate`..`endDate` (YYYY-MM-DD) must span at most 90 days. */
  async coachingSessions(startDate: string, endDate: string, timeAxis: TimeAxis): Promise<Record<string, unknown>[]> {
    const response = await this.hard.request<unknown>({
      method: 'POST',
      url: '/coaching-sessions',
      json: { startDate, endDate, timeAxis },
      // An export reads only; repeating it after a 5xx is safe.
      idempotent: true,
      // An empty 200, `null` or HTML is retried by the kit, never read as "no sessions".
      expect: 'array',
    });
    if (!Array.isArray(response.data)) {
      throw new ProviderError(`MaestroQA answered POST /coaching-sessions (${startDate}..${endDate}) with something other than a list of sessions`);
    }
    return response.data as Record<string, unknown>[];
  }

  /** Starts a raw export of one CSV; returns its export id. */
  async requestRawExport(exportType: string, startDate: string, endDate: string): Promise<string> {
    return this.startExport('/request-raw-export', { startDate, endDate, singleFileExport: exportType, name: `oih-${exportType}` });
  }

  async requestGroupsExport(): Promise<string> {
    return this.startExport('/request-groups-export', { includeUnavailable: true });
  }

  /** One status check; `completed` (seen in some clients) counts as `complete`, `errored` as failed, a 404 as gone. */
  async exportStatus(exportId: string): Promise<ExportJobStatus> {
    const response = await this.general.request<Record<string, unknown> | undefined>({
      url: '/get-export-data',
      headers: { exportId },
      acceptStatuses: [404],
      recordId: exportId,
      expect: 'object',
    });
    if (response.status === 404) return { state: 'gone' };
    const raw = String(response.data?.status ?? '');
    if (raw === 'requested' || raw === 'in_progress') return { state: 'running', detail: raw };
    if (raw === 'errored') return { state: 'failed' };
    if (raw !== 'complete' && raw !== 'completed') {
      throw new ProviderError(`MaestroQA export ${exportId} has an unknown status "${raw}"`, { recordId: exportId });
    }
    const dataUrl = typeof response.data?.dataUrl === 'string' && response.data.dataUrl ? response.data.dataUrl : undefined;
    return { state: 'complete', location: dataUrl };
  }

  /** The CSV behind a pre-signed URL, as a stream (never read into memory whole). */
  async download(dataUrl: string, exportId: string): Promise<Readable> {
    const response = await this.downloads.request<Readable>({
      url: dataUrl,
      anonymous: true,
      responseType: 'stream',
      recordId: exportId,
      allowForeign: PRESIGNED_DOWNLOAD,
    });
    // A proxy's error page or a JSON error with status 200 is not the CSV: never read it as "no rows".
    const type = response.headers['content-type'] ?? '';
    if (/html|json/i.test(type)) {
      response.data.destroy();
      throw new TransientError(`MaestroQA export ${exportId} downloaded as ${type.split(';')[0]}, not CSV; the next run reads it again`, {
        recordId: exportId,
      });
    }
    return response.data;
  }

  private async startExport(url: string, body: Record<string, unknown>): Promise<string> {
    // Starting an export only reads data; a duplicate job after a 5xx is harmless.
    const response = await this.general.request<Record<string, unknown> | undefined>({
      method: 'POST',
      url,
      json: body,
      idempotent: true,
      expect: 'object',
    });
    const exportId = response.data?.exportId;
    if (typeof exportId !== 'string' && typeof exportId !== 'number') throw new ProviderError(`MaestroQA answered POST ${url} without an exportId`);
    return String(exportId);
  }
}
