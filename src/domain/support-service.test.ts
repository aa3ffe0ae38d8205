import { describe, expect, it } from 'vitest';

import {
  emailProblem,
  phoneProblem,
  serviceProblems,
  textContactWords,
  textNumberProblem,
  webProblem,
  type ServiceInput,
} from './support-service.js';

const good: ServiceInput = {
  id: 'national-domestic-abuse-helpline',
  name: 'National Domestic Abuse Helpline',
  provider: 'Refuge',
  themes: ['domestic-abuse'],
  area: 'national',
  phone: '0808 2000 247',
  web: 'https://www.nationaldahelpline.org.uk',
  email: '',
  text: '',
  hours: '24 hours',
  eligibility: '',
  description: '',
  public: 'yes',
  source: '',
  verified: 'yes',
};

describe('support-service entries', () => {
  it('take UK numbers as people write them, and the short numbers libphonenumber-js does not know', () => {
    for (const n of [
      '0808 2000 247',
      '0800 555 111',
      '08 08 16 89 111',
      '0800 011 3764',
      '01923 776611',
      '+44 808 801 0327',
      '999',
      '101',
      '18001 101',
      '18000',
    ])
      expect(phoneProblem(n), n).toBeNull();
  });

  it('refuse numbers that are not UK numbers, or not numbers at all', () => {
    expect(phoneProblem('0808 2000')).toMatch(/not a valid UK phone number/u);
    expect(phoneProblem('12345')).toMatch(/not a valid UK phone number/u);
    expect(phoneProblem('+1 212 555 0100')).toMatch(/not a valid UK phone number/u);
    expect(phoneProblem('call us')).toMatch(/not a phone number/u);
  });

  it('take a five-digit text short code as a number to text, not as a phone number', () => {
    // Shout's crisis text line: refused as "not a valid UK phone number" before (QA).
    expect(serviceProblems({ ...good, text: '85258' })).toEqual([]);
    expect(textContactWords('85258')).toBe('Send a text message to 85258');
    expect(textNumberProblem('07860 077333')).toBeNull();
    expect(textNumberProblem('18001 101')).toBeNull();
    expect(textNumberProblem('12345')).toMatch(/not a valid UK phone number/u);
    expect(textNumberProblem('852580')).toMatch(/not a valid UK phone number/u);
    expect(serviceProblems({ ...good, phone: '85258' }).map((p) => p.field)).toEqual(['phone']);
  });

  it('take http(s) web addresses and email addresses, and refuse others', () => {
    expect(webProblem('https://www.report-it.org.uk')).toBeNull();
    expect(webProblem('http://example.org/a?b=c')).toBeNull();
    expect(webProblem('www.report-it.org.uk')).toMatch(/must start https:\/\//u);
    expect(webProblem('javascript:alert(1)')).toMatch(/must start https:\/\//u);
    expect(webProblem('https://localhost')).toMatch(/no domain name/u);
    expect(emailProblem('help@example.org.uk')).toBeNull();
    expect(emailProblem('help@example')).toMatch(/not an email address/u);
    expect(emailProblem('help at example.org')).toMatch(/not an email address/u);
  });

  it('name every field at fault in one entry', () => {
    expect(serviceProblems(good)).toEqual([]);
    const bad = serviceProblems({
      ...good,
      id: 'Bad Id',
      themes: ['domestic-abuse', 'burglary'],
      phone: '0808 2000',
      web: 'nationaldahelpline.org.uk',
      email: 'nobody',
      public: 'maybe',
    });
    expect(bad.map((p) => p.field)).toEqual(['id', 'themes', 'phone', 'web', 'email', 'public']);
    expect(serviceProblems({ ...good, phone: '', web: '' }).map((p) => p.message)).toEqual([
      'no way to get in touch: give a phone, web, email or text contact',
    ]);
  });
});
