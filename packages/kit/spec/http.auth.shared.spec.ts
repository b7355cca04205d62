import { expect } from 'chai';
import { TokenAuth, TokenSet, UnauthenticatedSender, clearTokenCache } from '../src/http/auth';
import { Redactor } from '../src/util/redact';

const send: UnauthenticatedSender = async () => {
  throw new Error('not used: obtain is stubbed');
};

describe('TokenAuth shared per credential', () => {
  afterEach(() => clearTokenCache());

  it('two steps with the same credentials in one process log in once, not once each', async () => {
    let logins = 0;
    const obtain = async (): Promise<TokenSet> => {
      logins += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { accessToken: `token-${logins}`, expiresAt: Date.now() + 3_600_000 };
    };
    const first = new TokenAuth({ obtain, cacheKey: 'same-credentials' });
    const second = new TokenAuth({ obtain, cacheKey: 'same-credentials' });
    const [a, b] = await Promise.all([first.headers(send), second.headers(send)]);
    expect(logins).to.equal(1);
    expect(a).to.deep.equal({ Authorization: 'Bearer token-1' });
    expect(b).to.deep.equal({ Authorization: 'Bearer token-1' });
    expect(second.secrets()).to.deep.equal(['token-1']);
  });

  it('different credentials do not share a login', async () => {
    let logins = 0;
    const obtain = async (): Promise<TokenSet> => ({ accessToken: `token-${++logins}` });
    await Promise.all([new TokenAuth({ obtain, cacheKey: 'one' }).headers(send), new TokenAuth({ obtain, cacheKey: 'two' }).headers(send)]);
    expect(logins).to.equal(2);
  });
});

describe('Redactor and token sets', () => {
  it('masks the tokens of an OAuth credential field but not its descriptive fields', () => {
    const redactor = new Redactor().addFromConfig({
      oauth: { access_token: 'abcd-access', refresh_token: 'abcd-refresh', token_type: 'Bearer', scope: 'read' },
    });
    expect(redactor.text('Bearer abcd-access, refresh abcd-refresh, scope read')).to.equal('Bearer ***, refresh ***, scope read');
  });
});
