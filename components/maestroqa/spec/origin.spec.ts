import { expect } from 'chai';
import nock from 'nock';
import { ProviderError, TransientError, clientOf } from '@oih-suite/kit';
import { maestroqa } from '../lib/provider';

const BASE = 'https://maestro.test/api/v1';
const TOKEN = 'mqa-api-token-42';

/** The error a download rejects with (undefined when it succeeds, which the assertions then reject). */
const failure = (promise: Promise<unknown>): Promise<Error | undefined> =>
  promise.then(
    () => undefined,
    (error: Error) => error,
  );

describe('maestroqa: the pre-signed dataUrl is the one foreign host, reached without the apiToken', () => {
  afterEach(() => nock.cleanAll());
  const client = () => clientOf(maestroqa, { apiToken: TOKEN, baseUrl: BASE });

  it('downloads from the storage host without the apiToken header', async () => {
    const scope = nock('https://exports.storage.example.com', { badheaders: ['apitoken', 'authorization'] })
      .get('/e1.csv')
      .query({ 'X-Amz-Signature': 'sig' })
      .reply(200, 'gradable_id,date_graded\n1,2024-01-01\n', { 'content-type': 'text/csv' });
    const stream = await client().download('https://exports.storage.example.com/e1.csv?X-Amz-Signature=sig', 'e1');
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    expect(text).to.equal('gradable_id,date_graded\n1,2024-01-01\n');
    scope.done();
  });

  it('refuses a dataUrl that carries the apiToken, or plain http:// to a host that is not loopback', async () => {
    const carrying = await failure(client().download(`https://exports.storage.example.com/e1.csv?token=${TOKEN}`, 'e1'));
    expect(carrying).to.be.instanceOf(ProviderError);
    expect(carrying?.message).to.include('Refusing to send credentials').and.not.include(TOKEN);
    const insecure = await failure(client().download('http://exports.storage.example.com/e1.csv', 'e1'));
    expect(insecure?.message).to.include("MaestroQA's pre-signed export download").and.include('plain http://');
  });

  it('an HTML page where the CSV should be is a TransientError, never an export without rows', async () => {
    const scope = nock('https://exports.storage.example.com').get('/e2.csv').reply(200, '<html>denied</html>', { 'content-type': 'text/html' });
    const error = await failure(client().download('https://exports.storage.example.com/e2.csv', 'e2'));
    expect(error).to.be.instanceOf(TransientError);
    expect(error?.message).to.include('downloaded as text/html, not CSV');
    scope.done();
  });
});
