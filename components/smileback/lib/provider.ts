import { describeProvider, field, secret, text } from '@oih-suite/kit';
import { readPlatformOauth, takeLatestToken } from './auth';
import { DEFAULT_BASE_URL, createClient, readBaseUrl } from './client';

/** SmileBack: who it is, its credentials, its client. Every trigger and action is described against it. */
export const smileback = describeProvider({
  id: 'smileback',
  title: 'SmileBack',
  description:
    'Replicates SmileBack (ConnectWise) CSAT reviews, NPS and project survey responses and their reference lists through the Data Replication API v3, and computes Net CSAT, response rate, NPS and project survey scores.',
  docsUrl: 'https://docs.connectwise.com/SmileBack',
  applicationUid: 'smileback',
  credentials: {
    username: text({
      label: 'Username',
      placeholder: 'jane@example.com',
      note: "The SmileBack user's e-mail address (password grant). Leave empty when connecting through OAuth below.",
    }),
    password: secret({ label: 'Password', note: "The SmileBack user's password; sent only to /token/ in the request body, never logged or emitted" }),
    client_id: text({
      label: 'Client ID',
      placeholder: 'a1b2c3d4e5f6',
      note: 'Of the API credentials at https://app.smileback.io/account/api-credentials/ (also used to refresh an OAuth token)',
    }),
    client_secret: secret({ label: 'Client secret', note: "The API credentials' secret; never logged or emitted" }),
    baseUrl: field(
      {
        label: 'Base URL',
        viewClass: 'TextFieldView',
        required: false,
        note: 'The API root (default https://app.smileback.io/api); data paths are /v3/... below it',
        placeholder: DEFAULT_BASE_URL,
      },
      (cfg) => readBaseUrl(cfg),
    ),
    oauth: field(
      {
        label: 'SmileBack OAuth',
        viewClass: 'OAuthFieldView',
        required: false,
        note: 'Instead of username and password: authorize through the platform (authorization-code grant at /account/api/authorize/). The component refreshes the token and hands rotated tokens back to the platform.',
      },
      (cfg) => readPlatformOauth(cfg),
      { type: 'object' },
    ),
  },
  envVars: {
    SMILEBACK_CLIENT_ID: {
      required: false,
      description:
        "Client id of the platform's SmileBack OAuth app (the oauth2 block's {{SMILEBACK_CLIENT_ID}}); also used to refresh tokens when the step has no client_id",
    },
    SMILEBACK_CLIENT_SECRET: { required: false, description: 'Client secret that goes with SMILEBACK_CLIENT_ID' },
  },
  oauth2: {
    client_id: '{{SMILEBACK_CLIENT_ID}}',
    client_secret: '{{SMILEBACK_CLIENT_SECRET}}',
    auth_uri: 'https://app.smileback.io/account/api/authorize/',
    token_uri: 'https://app.smileback.io/api/token/',
    scopes: ['read'],
  },
  mappingExample: '{ "data": { "rating": data.rating, "email": data.contact.contactData[type=\'email\'].value } }',
  client: (ctx) => createClient(ctx),
  // Logs in (or uses the platform's token) and reads one agent: the credentials, the API root and the read scope in two requests.
  verify: (client) => client.http.request({ url: '/v3/csat-agents/', query: { limit: 1 } }),
  /**
   * The flow stopped: revoke the access token this process obtained (or the platform's), as the
   * API's workflow asks ("Revoke token when disconnecting"). The platform's refresh token is kept,
   * or the credential would be dead when the flow starts again; the token expires anyway.
   */
  async shutdown({ cfg, credentials, log, redactor }) {
    const known = takeLatestToken(cfg, credentials.baseUrl);
    const oauth = credentials.oauth;
    const token = known?.token.accessToken ?? oauth?.access_token;
    if (!token) {
      log.info('No SmileBack token to revoke');
      return;
    }
    redactor.add(token, known?.token.refreshToken);
    const client = createClient({ cfg, log, redactor });
    const app = known?.client ?? {
      clientId: String(cfg.client_id ?? process.env.SMILEBACK_CLIENT_ID ?? ''),
      clientSecret: String(cfg.client_secret ?? process.env.SMILEBACK_CLIENT_SECRET ?? ''),
    };
    await client.revoke(token, 'access_token', app);
    // Our own refresh token (password grant) dies with the flow; the platform's is not ours to end.
    if (known?.token.refreshToken && !oauth) await client.revoke(known.token.refreshToken, 'refresh_token', app);
    log.info('SmileBack token revoked');
  },
});
