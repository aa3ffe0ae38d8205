import { describe, expect, it } from 'vitest';

import { ConfigError } from '../errors.js';
import { emailVerified, singleSignOnFrom } from './single-sign-on.js';

const ENTRA = {
  LANTERN_OIDC_ISSUER:
    'https://login.microsoftonline.com/7f6d2b1e-0000-4000-8000-000000000000/v2.0',
  LANTERN_OIDC_CLIENT_ID: 'c1',
  LANTERN_OIDC_CLIENT_SECRET: 's1',
  LANTERN_OIDC_REDIRECT_URL: 'https://lantern.example.gov.uk/sign-in/oidc/callback',
};

describe('single sign-on settings', () => {
  it('is off when nothing is set', () => {
    expect(singleSignOnFrom({})).toBeNull();
    expect(singleSignOnFrom({ LANTERN_OIDC_NAME: 'Microsoft' })).toBeNull();
  });

  it('reads Entra ID’s settings, naming the button "Microsoft"', () => {
    const s = singleSignOnFrom(ENTRA)!;
    expect(s.issuer.href).toBe(ENTRA.LANTERN_OIDC_ISSUER);
    expect(s.name).toBe('Microsoft');
    expect(s.allowHttp).toBe(false);
    expect(singleSignOnFrom({ ...ENTRA, LANTERN_OIDC_NAME: 'Herts County Council' })!.name).toBe(
      'Herts County Council',
    );
  });

  it('refuses half a configuration, naming what is missing', () => {
    const half = Object.fromEntries(
      Object.entries(ENTRA).filter(([name]) => name !== 'LANTERN_OIDC_CLIENT_SECRET'),
    );
    expect(() => singleSignOnFrom(half)).toThrow(ConfigError);
    expect(() => singleSignOnFrom(half)).toThrow(/but LANTERN_OIDC_CLIENT_SECRET is not/u);
  });

  it('refuses a redirect address that is not Lantern’s callback', () => {
    expect(() =>
      singleSignOnFrom({ ...ENTRA, LANTERN_OIDC_REDIRECT_URL: 'https://lantern.example.gov.uk/' }),
    ).toThrow(
      /LANTERN_OIDC_REDIRECT_URL: must be Lantern's address followed by \/sign-in\/oidc\/callback/u,
    );
  });

  it('takes plain http only from a provider on this computer', () => {
    expect(() =>
      singleSignOnFrom({ ...ENTRA, LANTERN_OIDC_ISSUER: 'http://login.example.com/t/v2.0' }),
    ).toThrow(/must be reached over https/u);
    expect(
      singleSignOnFrom({ ...ENTRA, LANTERN_OIDC_ISSUER: 'http://127.0.0.1:4000' })!.allowHttp,
    ).toBe(true);
    expect(() => singleSignOnFrom({ ...ENTRA, LANTERN_OIDC_ISSUER: 'not a url' })).toThrow(
      /LANTERN_OIDC_ISSUER: not a web address/u,
    );
  });
});

describe('an email the provider vouches for', () => {
  it('is one with email_verified true, or (without it) Entra ID’s xms_edov true', () => {
    expect(emailVerified({ email: 'a@b.gov.uk', email_verified: true })).toBe(true);
    expect(emailVerified({ email: 'a@b.gov.uk', xms_edov: true })).toBe(true);
    expect(emailVerified({ email: 'a@b.gov.uk' })).toBe(false);
    expect(emailVerified({ email: 'a@b.gov.uk', email_verified: 'true' })).toBe(false);
    // A provider that says no is believed, whatever else the token holds.
    expect(emailVerified({ email: 'a@b.gov.uk', email_verified: false, xms_edov: true })).toBe(
      false,
    );
  });
});
