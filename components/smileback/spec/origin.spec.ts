import { expect } from 'chai';
import nock from 'nock';
import { runProcess } from '@oih-suite/kit/testing';
import companies from '../lib/triggers/getCsatCompaniesPolling';
import { CFG, ORIGIN, TOKEN, page, tokenInterceptor, useNock } from './helpers';

describe('smileback: the token never leaves the API origin', () => {
  useNock();
  const company = (id: number) => ({ id, name: `Company ${id}` });

  it('refuses a next link to another host: the run fails naming that host, and nothing is sent there', async () => {
    // No interceptor for evil.example.net: a request there would fail differently (the network is disabled).
    const scope = tokenInterceptor(nock(ORIGIN))
      .get('/api/v3/csat-companies/')
      .query({ limit: '2' })
      .reply(200, page([company(1), company(2)], 'https://evil.example.net/api/v3/csat-companies/?limit=2&offset=2', 3));
    const { self, error } = await runProcess(companies.process, {}, { ...CFG, pageSize: 2 }, {});
    expect(error?.message).to.include('The next link of SmileBack /v3/csat-companies/').and.include('https://evil.example.net');
    expect(JSON.stringify([self.events, self.logs, error?.message])).to.not.include(TOKEN);
    scope.done();
  });

  it('refuses a scan position in the snapshot that names another host, before any request with the token', async () => {
    // No interceptor at all: the position is refused before the login.
    const snapshot = {
      lastUpdated: '2024-12-01T00:00:00.000Z',
      scan: { until: '2024-12-12T00:00:00.000Z', after: 'https://evil.example.net/api/v3/csat-companies/?limit=2&offset=2', untilIds: [] },
    };
    const { error } = await runProcess(companies.process, {}, { ...CFG, pageSize: 2 }, snapshot);
    expect(error?.message).to.include('The scan position of /v3/csat-companies/ in the snapshot').and.include('https://evil.example.net');
    expect(error?.message).to.not.include(TOKEN);
  });
});
